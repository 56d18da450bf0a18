package io.latchkey.resourceapi.bench;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import io.latchkey.store.revocation.RevocationStore;
import io.latchkey.store.revocation.TokenFacts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Not a test: prints what the revocation check adds to each request (one Redis round
 * trip answering the three denials), as p50/p99 over real connections to real Redis.
 * Excluded from the normal test run; run it with
 * {@code ./mvnw -pl resource-api test -Dtest=RevocationCheckBenchmark -DexcludedGroups=none}.
 * {@code -Dbench.iterations=N} sets the measured checks (default 20000).
 */
@Tag("benchmark")
@SpringBootTest(properties = {
        "management.server.port=0",
        "latchkey.embedded.postgres-port=0",
        "latchkey.embedded.redis-port=0",
        "latchkey.embedded.data-directory=target/test-stores/${random.uuid}" })
class RevocationCheckBenchmark {

    @Autowired
    RevocationStore revocations;

    @Test
    void revocationCheckLatency() {
        int iterations = Integer.getInteger("bench.iterations", 20_000);
        Instant now = Instant.now();
        for (int i = 0; i < 1_000; i++) {
            this.revocations.denyToken(UUID.randomUUID().toString(), now.plusSeconds(900));
        }
        TokenFacts live = new TokenFacts(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), now);

        for (int i = 0; i < Math.max(1_000, iterations / 10); i++) {
            this.revocations.isDenied(live);
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            this.revocations.isDenied(live);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%nrevocation check (one MGET of marker + jti + sid + user), %d checks after warm-up:%n"
                + "  p50 %.3f ms   p99 %.3f ms   max %.3f ms%n%n",
                iterations, nanos[iterations / 2] / 1e6, nanos[(int) (iterations * 0.99)] / 1e6, nanos[iterations - 1] / 1e6);
    }
}
