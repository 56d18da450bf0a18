package io.latchkey.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.latchkey.store.password.PooledArgon2PasswordEncoder;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The bare password-hash rate: Argon2id verifications on every core, with the same
 * encoder and cost auth-server uses, no HTTP and no database. The password-grant row is
 * measured against it, since no server can sign in faster than it can hash.
 */
final class HashRate {

    private HashRate() {
    }

    /** Verifications per second, after {@code warmup}, over {@code duration}, on one thread per core. */
    static Measurement measure(BenchOptions.Argon2Cost cost, Duration warmup, Duration duration) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        // The encoder auth-server hashes with, at its default of one hash per core at a time.
        var encoder = new PooledArgon2PasswordEncoder(cost.memoryKib(), cost.iterations(), cost.parallelism(), threads);
        String hash = encoder.encode(TokenFixtures.PASSWORD);
        run(encoder, hash, threads, warmup);
        long started = System.nanoTime();
        long[] latencies = run(encoder, hash, threads, duration);
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        return new Measurement(cost, threads, latencies.length / seconds,
                latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6);
    }

    private static long[] run(PasswordEncoder encoder, String hash, int threads, Duration duration)
            throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<List<Long>>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    List<Long> nanos = new ArrayList<>();
                    while (System.nanoTime() < deadline) {
                        long start = System.nanoTime();
                        if (!encoder.matches(TokenFixtures.PASSWORD, hash)) {
                            throw new IllegalStateException("The hash did not verify");
                        }
                        nanos.add(System.nanoTime() - start);
                    }
                    return nanos;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> worker : workers) {
                all.addAll(worker.get());
            }
            return all.stream().mapToLong(Long::longValue).toArray();
        }
    }

    record Measurement(BenchOptions.Argon2Cost cost, int threads, double perSecond, double p50Millis,
            double p99Millis) {
    }

    /**
     * The bare rate measured just before and just after the password row, and their mean,
     * which the row is compared with: the machine's speed drifts by tens of percent within
     * minutes, and a drift during the row then counts on both sides of the ratio.
     */
    record Bracket(double perSecond, Measurement before, Measurement after) {

        static Bracket of(Measurement before, Measurement after) {
            return new Bracket((before.perSecond() + after.perSecond()) / 2, before, after);
        }
    }
}
