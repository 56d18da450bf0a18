package io.latchkey.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the load benchmark working: the whole of {@code bench/run.sh --smoke}, a couple
 * of seconds per operation. It asserts that every operation was measured and every
 * answer was right, never how fast: speed is for the full run to print, not for CI.
 */
class BenchSmokeTest {

    @Test
    void smokeRunMeasuresEveryOperationWithoutAWrongAnswer() throws Exception {
        BenchPrerequisites.assumeWrkAndTheAppsJars();
        Path output = Path.of("target", "smoke-results");

        Report report = new Bench(BenchOptions.parse("--smoke", "--root=..", "--output=" + output)).run();
        report.write(output);

        assertThat(report.rows()).extracting(Row::key)
                .containsExactly("password", "refresh", "client_credentials", "introspection", "userinfo", "jwks", "livez", "me");
        assertThat(report.rows()).allSatisfy(row -> {
            assertThat(row.requests()).as(row.operation()).isPositive();
            assertThat(row.errors()).as(row.operation() + ": " + row.firstWrongAnswer()).isZero();
            assertThat(row.appCpuMsPerRequest()).as(row.operation()).isPositive();
            // NOTE: both counters advance in clock ticks, so they are compared with a margin.
            assertThat(row.machineCpuMsPerRequest()).as(row.operation() + ": the machine's CPU includes the app's")
                    .isGreaterThanOrEqualTo(0.95 * (row.appCpuMsPerRequest() + row.storesCpuMsPerRequest()));
        });
        assertThat(report.bareHashRates()).as("measured around the password row").containsOnlyKeys("smoke");
        HashRate.Bracket bare = report.bareHashRates().get("smoke");
        assertThat(bare.before().perSecond()).isPositive();
        assertThat(bare.after().perSecond()).isPositive();
        assertThat(bare.after()).as("a measurement of its own").isNotSameAs(bare.before());
        assertThat(report.authServerReadySeconds()).isPositive();
        assertThat(report.authServerRssMib()).isPositive();

        JsonNode written = JsonMapper.shared().readTree(Files.readString(output.resolve("latest.json")));
        assertThat(written.get("rows").size()).isEqualTo(8);
        assertThat(Files.readString(output.resolve("latest.md"))).contains("| refresh_token grant (rotating) |")
                .contains("malloc " + Allocator.preferred().name().toLowerCase(java.util.Locale.ROOT));
    }
}
