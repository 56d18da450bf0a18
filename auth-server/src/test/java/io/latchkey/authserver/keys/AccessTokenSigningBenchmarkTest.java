package io.latchkey.authserver.keys;

import java.util.Collection;

import io.latchkey.testing.JmhRun;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link AccessTokenSigningBenchmark}: a smoke run in the normal build; numbers with
 * {@code ./mvnw -pl auth-server -am test -Dtest=AccessTokenSigningBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dlatchkey.bench=full}.
 */
class AccessTokenSigningBenchmarkTest {

    @Test
    void signingRunsForEveryAlgorithm() throws Exception {
        Collection<RunResult> results = JmhRun.run(AccessTokenSigningBenchmark.class);

        assertThat(results).extracting(result -> result.getParams().getParam("algorithm"))
                .containsExactlyInAnyOrder("RS256", "ES256", "EdDSA");
        assertThat(results).allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
    }
}
