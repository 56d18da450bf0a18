package io.latchkey.resourceapi.security;

import java.util.Collection;

import io.latchkey.testing.JmhRun;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link AccessTokenValidationBenchmark}: a smoke run in the normal build; numbers with
 * {@code ./mvnw -pl resource-api -am test -Dtest=AccessTokenValidationBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dlatchkey.bench=full}.
 */
class AccessTokenValidationBenchmarkTest {

    @Test
    void validationAndTheRevocationLookupRunForEveryAlgorithm() throws Exception {
        Collection<RunResult> results = JmhRun.run(AccessTokenValidationBenchmark.class);

        assertThat(results).extracting(result -> result.getParams().getBenchmark().replaceAll(".*\\.", "")
                + "/" + result.getParams().getParam("algorithm"))
                .containsExactlyInAnyOrder("validateToken/RS256", "validateToken/ES256", "validateToken/EdDSA",
                        "revocationLookupOnly/RS256", "revocationLookupOnly/ES256", "revocationLookupOnly/EdDSA");
        assertThat(results).allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
    }
}
