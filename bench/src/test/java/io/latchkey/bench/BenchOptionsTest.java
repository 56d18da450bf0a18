package io.latchkey.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Beside Keycloak, Latchkey runs as its users start it, unless the command line says otherwise. */
class BenchOptionsTest {

    @Test
    void comparingWithKeycloakRunsLatchkeyAsJavaDashJarDoes() {
        BenchOptions options = BenchOptions.parse("--compare=keycloak");

        assertThat(options.keycloak()).hasToString("bench/.cache/keycloak-quarkus-dist-26.7.3.tar.gz");
        assertThat(options.jvmOptions()).isEmpty();
        assertThat(options.aotCache()).isFalse();
        assertThat(options.allocator()).isEqualTo(Allocator.GLIBC);
        assertThat(options.accessTokenAlgorithm()).isEqualTo("RS256");
    }

    @Test
    void whatTheCommandLineGivesStandsBesideKeycloakToo() {
        BenchOptions options = BenchOptions.parse("--compare=keycloak", "--jvm-options=-Xmx96m -XX:+UseSerialGC",
                "--access-token-algorithm=EdDSA");

        assertThat(options.jvmOptions()).isEqualTo(List.of("-Xmx96m", "-XX:+UseSerialGC"));
        assertThat(options.accessTokenAlgorithm()).isEqualTo("EdDSA");
    }

    @Test
    void withoutAComparisonThereIsNoKeycloakAndOnlyKeycloakCanBeCompared() {
        assertThat(BenchOptions.parse().keycloak()).isNull();
        assertThat(BenchOptions.parse("--jvm-options=").jvmOptions()).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--compare=hydra"));
    }
}
