package io.latchkey.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

import io.latchkey.testing.AppProcess;

/**
 * How one row is measured: wrk's warm-up, then its measured load with the CPU it cost; for
 * Latchkey's password row, the bare hash rate just before and just after.
 */
final class Measurements {

    private final BenchOptions options;
    private final Wrk wrk;
    private final TokenFixtures tokens;

    Measurements(BenchOptions options, Wrk wrk, TokenFixtures tokens) {
        this.options = options;
        this.wrk = wrk;
        this.tokens = tokens;
    }

    /**
     * The bare hash rate over half the row's duration, run just before or just after the
     * password row it is compared with (see {@link HashRate.Bracket}).
     */
    private HashRate.Measurement bareHashRate(String when, Duration warmup) {
        Bench.log("  bare Argon2id hash rate at " + this.options.argon2() + ", " + when + " the password row:");
        Duration half = this.options.duration().dividedBy(2);
        try {
            HashRate.Measurement rate = HashRate.measure(this.options.argon2(), warmup,
                    half.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : half);
            Bench.log(String.format(Locale.ROOT, "    %.1f verifications/s on %d threads", rate.perSecond(), rate.threads()));
            return rate;
        }
        catch (Exception failed) {
            throw new IllegalStateException("The bare hash rate could not be measured", failed);
        }
    }

    /**
     * One warm-up round of every operation, on Keycloak too when it runs, before the first
     * table, so that every row is measured on warm JVMs: on two cores shared with the load,
     * the JIT is still compiling the later operations' code after the first one's warm-up.
     */
    void warmUp(BenchStack stack, Peer peer) throws Exception {
        Bench.log("Warming up the JVMs: every operation for " + this.options.warmup().toSeconds() + " s");
        for (Operation operation : Operation.all(this.options.connections())) {
            if (this.options.runs(operation.key())) {
                AppProcess server = stack.app(operation.server());
                this.wrk.run(server.baseUrl(), operation.job().apply(this.tokens), this.options.warmup());
                Operation keycloaks = peer.operation(operation.key());
                if (keycloaks != null) {
                    this.wrk.run(peer.keycloak().baseUrl(), keycloaks.job().apply(this.tokens), this.options.warmup());
                }
            }
        }
    }

    /** What runs between a row's warm-up and its measured load (the bare hash rate, for the password row). */
    @FunctionalInterface
    interface Interlude {
        void run() throws Exception;
    }

    /**
     * Measures one row on the server at {@code baseUrl}: a warm-up, the interlude, then the
     * measured load, with the CPU of {@code pid}'s process tree, of the stores and of the machine.
     */
    Row row(Operation operation, String baseUrl, long pid, DoubleSupplier storesCpu, BenchOptions.Scale scale,
            Interlude interlude) throws Exception {
        Bench.log("  " + operation.name() + " on " + operation.server().label() + " (warm-up, then measured):");
        this.wrk.run(baseUrl, operation.job().apply(this.tokens), this.options.warmup());
        interlude.run();
        WrkJob job = operation.job().apply(this.tokens);
        double appBefore = ProcessCpu.millis(pid);
        double storesBefore = storesCpu.getAsDouble();
        double machineBefore = ProcessCpu.machineBusyMillis();
        Wrk.WrkResult result = this.wrk.run(baseUrl, job, this.options.duration());
        double requests = Math.max(1, result.requests());
        Row row = new Row(scale.name(), operation.key(), operation.name(), operation.server().name(), result.requests(),
                result.requestsPerSecond(), result.p50Millis(), result.p99Millis(), result.errors(),
                (ProcessCpu.millis(pid) - appBefore) / requests, (storesCpu.getAsDouble() - storesBefore) / requests,
                (ProcessCpu.machineBusyMillis() - machineBefore) / requests, operation.target(), "", result.firstWrongAnswer());
        logRow(row);
        return row;
    }

    /** Measures one of Latchkey's rows; the password row between two measurements of the bare hash rate, put in {@code hashRates}. */
    Row latchkey(BenchStack stack, BenchOptions.Scale scale, Operation operation,
            Map<String, HashRate.Bracket> hashRates) throws Exception {
        AppProcess server = stack.app(operation.server());
        boolean password = operation.key().equals("password");
        AtomicReference<HashRate.Measurement> bareBefore = new AtomicReference<>();
        Row row = row(operation, server.baseUrl(), server.pid(), stack::storesCpuMillis, scale, () -> {
            if (password) {
                bareBefore.set(bareHashRate("before", this.options.warmup()));
            }
        });
        HashRate.Bracket hashRate = null;
        if (password) {
            // NOTE: the bench JVM's JIT is warm from the first measurement; the short warm-up lets
            // the server finish the sign-ins still queued when wrk stopped, which would share the cores.
            hashRate = HashRate.Bracket.of(bareBefore.get(), bareHashRate("after", Duration.ofSeconds(2)));
            hashRates.put(scale.name(), hashRate);
        }
        return row.withVerdict(verdict(operation, row.requestsPerSecond(), hashRate));
    }

    private static void logRow(Row row) {
        Bench.log(String.format(Locale.ROOT, "    %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors%s", row.requestsPerSecond(),
                row.p50Millis(), row.p99Millis(), row.errors(),
                row.errors() > 0 ? " (first wrong answer: " + row.firstWrongAnswer() + ")" : ""));
    }

    private static String verdict(Operation operation, double perSecond, HashRate.Bracket hashRate) {
        if (operation.key().equals("password")) {
            return ratio(perSecond, hashRate.perSecond(), 0.85, "of the bare hash rate");
        }
        return operation.minimum() > 0 && perSecond < operation.minimum()
                ? String.format(Locale.ROOT, "%.0f%% of target", 100 * perSecond / operation.minimum())
                : operation.minimum() > 0 ? "met" : "";
    }

    private static String ratio(double value, double baseline, double wanted, String of) {
        double ratio = value / baseline;
        return String.format(Locale.ROOT, "%.0f%% %s: %s", 100 * ratio, of, ratio >= wanted ? "met" : "not met");
    }
}
