package io.latchkey.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Latchkey runs as run.sh starts it, beside Keycloak too, unless the command line says otherwise. */
class BenchOptionsTest {

    @Test
    void comparingWithKeycloakRunsLatchkeyAsRunShDoes() {
        BenchOptions options = BenchOptions.parse("--compare=keycloak", "--root=..");

        assertThat(options.keycloak()).hasToString("bench/.cache/keycloak-quarkus-dist-26.7.3.tar.gz");
        assertThat(options.jvmOptions()).isEqualTo(BenchOptions.runShJvmOptions(Path.of(".."), Runtime.version().feature()));
        assertThat(options.aotCache()).isEqualTo(Runtime.version().feature() >= 25);
        assertThat(options.allocator()).isEqualTo(Allocator.GLIBC);
        assertThat(options.accessTokenAlgorithm()).isEqualTo("RS256");
    }

    @Test
    void whatTheCommandLineGivesStandsBesideKeycloakToo() {
        BenchOptions options = BenchOptions.parse("--compare=keycloak", "--root=..", "--jvm-options=-Xmx96m -XX:+UseSerialGC",
                "--access-token-algorithm=EdDSA");

        assertThat(options.jvmOptions()).isEqualTo(List.of("-Xmx96m", "-XX:+UseSerialGC"));
        assertThat(options.accessTokenAlgorithm()).isEqualTo("EdDSA");
    }

    @Test
    void runShsOptionsAreTheLinesOfTheJvmFilesWithoutComments() {
        assertThat(BenchOptions.runShJvmOptions(Path.of(".."), 21)).contains("-XX:+UseSerialGC")
                .allSatisfy(option -> assertThat(option).startsWith("-").doesNotContain("#"))
                .doesNotContain("-XX:+UseCompactObjectHeaders");
        assertThat(BenchOptions.runShJvmOptions(Path.of(".."), 25)).contains("-XX:+UseCompactObjectHeaders");
    }

    @Test
    void theJvmOptionFilesStartThisJdkAndTheImageAndRunShBothReadThem() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process jvm = new ProcessBuilder(java, "@../jvm/all.options", "@../jvm/jdk25.options", "-version")
                .redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes());

        assertThat(jvm.waitFor()).as(output).isZero();
        assertThat(Files.readString(Path.of("../Dockerfile")))
                .contains("COPY jvm/ /app/jvm/", "@/app/jvm/all.options @/app/jvm/jdk25.options $LATCHKEY_JVM_OPTIONS -jar");
        assertThat(Files.readString(Path.of("../run.sh"))).contains("@jvm/all.options", "@jvm/jdk25.options");
    }

    @Test
    void withoutAComparisonThereIsNoKeycloakAndOnlyKeycloakCanBeCompared() {
        assertThat(BenchOptions.parse("--root=..").keycloak()).isNull();
        assertThat(BenchOptions.parse("--root=..", "--jvm-options=").jvmOptions()).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--compare=hydra"));
    }
}
