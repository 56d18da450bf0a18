package io.latchkey.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

import io.latchkey.testing.AppProcess;

/**
 * Latchkey's load benchmark: {@code bench/run.sh} (see bench/README.md). Starts the stack
 * on embedded stores, seeds it, measures every operation with wrk at each data scale and
 * writes the table to {@code bench/results/latest.md} and {@code latest.json}.
 */
public final class Bench {

    private final BenchOptions options;

    Bench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        }
        catch (IllegalArgumentException wrongUsage) {
            System.err.println(wrongUsage.getMessage());
            System.exit(2);
            return;
        }
        Report report = new Bench(options).run();
        System.out.println("\n" + report.console());
        Path written = report.write(options.output());
        System.out.println("\n" + report.markdown() + "\nWritten to " + written + " and latest.json");
    }

    Report run() throws Exception {
        if (!Wrk.available()) {
            throw new IllegalStateException("wrk is not installed (Debian: apt-get install wrk)");
        }
        try (BenchStack stack = BenchStack.start(this.options); Peer peer = Peer.start(this.options)) {
            log("auth-server ready in " + stack.authServer.readyIn().toMillis() + " ms, resource-api in "
                    + stack.resourceApi.readyIn().toMillis() + " ms" + (stack.authServerPlainReady == null ? ""
                            : " (from the AOT cache; plain jar: " + stack.authServerPlainReady.toMillis() + " ms and "
                                    + stack.resourceApiPlainReady.toMillis() + " ms)")
                    + (peer.running() ? "; Keycloak in " + peer.keycloak().readyIn().toMillis() + " ms" : ""));
            TokenFixtures tokens = new TokenFixtures(stack.authServer.baseUrl());
            DataSeeder seeder = new DataSeeder(stack.postgres.getJdbcUrl());
            tokens.registerTemplateAccount();
            tokens.accessToken("account:read");
            String templateGrant = seeder.latestGrantOf(TokenFixtures.TEMPLATE_EMAIL);
            Wrk wrk = new Wrk(this.options.root().resolve("bench/target/wrk"), this.options.threads(),
                    this.options.connections());

            List<Row> rows = new ArrayList<>();
            Map<String, HashRate.Bracket> hashRates = new LinkedHashMap<>();
            for (BenchOptions.Scale scale : this.options.scales()) {
                seeder.seedUsers(TokenFixtures.TEMPLATE_EMAIL, scale.users());
                seeder.seedGrants(templateGrant, scale.grants());
                log("Scale " + scale.name() + ": " + seeder.counts().get(0) + " accounts, " + seeder.counts().get(1)
                        + " grants");
                boolean first = scale == this.options.scales().getFirst();
                if (first) {
                    warmUp(stack, wrk, tokens, peer);
                }
                for (Operation operation : Operation.all(this.options.connections())) {
                    if (this.options.runs(operation.key())) {
                        rows.add(measure(stack, wrk, tokens, scale, operation, rows, hashRates));
                        // NOTE: Keycloak's row right after Latchkey's, at the first scale only: its accounts are
                        // the sign-in pool, not a seeded 100k (each would cost Keycloak an Argon2 hash to import).
                        Operation keycloaks = first ? peer.operation(operation.key()) : null;
                        if (keycloaks != null) {
                            rows.add(measure(keycloaks, peer.keycloak().baseUrl(), peer.keycloak().pid(), () -> 0,
                                    wrk, tokens, scale));
                        }
                    }
                }
            }
            return new Report(LocalDate.now().toString(), Machine.describe(), Machine.java(),
                    ("Load: wrk -t%d -c%d over loopback on the same machine, %d s warm-up then %d s per operation. "
                            + "Access tokens %s, ID tokens RS256; app JVMs %s")
                            .formatted(this.options.threads(), this.options.connections(),
                                    this.options.warmup().toSeconds(), this.options.duration().toSeconds(),
                                    this.options.accessTokenAlgorithm(),
                                    this.options.jvmOptions().isEmpty() ? "as java -jar starts them (no options)"
                                            : String.join(" ", this.options.jvmOptions()))
                            + appEnvironment(),
                    this.options.argon2(), hashRates, stack.authServer.readyIn().toMillis() / 1000.0,
                    stack.resourceApi.readyIn().toMillis() / 1000.0, seconds(stack.authServerPlainReady),
                    seconds(stack.resourceApiPlainReady), ProcessCpu.residentMib(stack.authServer.pid()),
                    ProcessCpu.residentMib(stack.resourceApi.pid()), ProcessCpu.residentAnonymousMib(stack.authServer.pid()),
                    ProcessCpu.residentAnonymousMib(stack.resourceApi.pid()), ProcessCpu.proportionalMib(stack.authServer.pid()),
                    ProcessCpu.proportionalMib(stack.resourceApi.pid()), rows, peer.summary());
        }
    }

    /**
     * The bare hash rate over half the row's duration, run just before or just after the
     * password row it is compared with (see {@link HashRate.Bracket}).
     */
    private HashRate.Measurement bareHashRate(String when, Duration warmup) {
        log("  bare Argon2id hash rate at " + this.options.argon2() + ", " + when + " the password row:");
        Duration half = this.options.duration().dividedBy(2);
        try {
            HashRate.Measurement rate = HashRate.measure(this.options.argon2(), warmup,
                    half.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : half);
            log(String.format(Locale.ROOT, "    %.1f verifications/s on %d threads", rate.perSecond(), rate.threads()));
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
    private void warmUp(BenchStack stack, Wrk wrk, TokenFixtures tokens, Peer peer) throws Exception {
        log("Warming up the JVMs: every operation for " + this.options.warmup().toSeconds() + " s");
        for (Operation operation : Operation.all(this.options.connections())) {
            if (this.options.runs(operation.key())) {
                AppProcess server = stack.app(operation.server());
                wrk.run(server.baseUrl(), operation.job().apply(tokens), this.options.warmup());
                Operation keycloaks = peer.operation(operation.key());
                if (keycloaks != null) {
                    wrk.run(peer.keycloak().baseUrl(), keycloaks.job().apply(tokens), this.options.warmup());
                }
            }
        }
    }

    /** Measures one row of a server with no bare-hash bracket and no target: Keycloak's. */
    private Row measure(Operation operation, String baseUrl, long pid, DoubleSupplier storesCpu, Wrk wrk,
            TokenFixtures tokens, BenchOptions.Scale scale) throws Exception {
        log("  " + operation.name() + " on " + operation.server().label() + " (warm-up, then measured):");
        wrk.run(baseUrl, operation.job().apply(tokens), this.options.warmup());
        WrkJob job = operation.job().apply(tokens);
        double appBefore = ProcessCpu.millis(pid);
        double storesBefore = storesCpu.getAsDouble();
        double machineBefore = ProcessCpu.machineBusyMillis();
        Wrk.WrkResult result = wrk.run(baseUrl, job, this.options.duration());
        double requests = Math.max(1, result.requests());
        Row row = new Row(scale.name(), operation.key(), operation.name(), operation.server().name(), result.requests(),
                result.requestsPerSecond(), result.p50Millis(), result.p99Millis(), result.errors(),
                (ProcessCpu.millis(pid) - appBefore) / requests, (storesCpu.getAsDouble() - storesBefore) / requests,
                (ProcessCpu.machineBusyMillis() - machineBefore) / requests, operation.target(), "", result.firstWrongAnswer());
        logRow(row);
        return row;
    }

    /** Measures one row; the password row between two measurements of the bare hash rate, put in {@code hashRates}. */
    private Row measure(BenchStack stack, Wrk wrk, TokenFixtures tokens, BenchOptions.Scale scale, Operation operation,
            List<Row> earlier, Map<String, HashRate.Bracket> hashRates) throws Exception {
        AppProcess server = stack.app(operation.server());
        boolean password = operation.key().equals("password");
        log("  " + operation.name() + " (warm-up, then measured):");
        wrk.run(server.baseUrl(), operation.job().apply(tokens), this.options.warmup());
        HashRate.Measurement bareBefore = password ? bareHashRate("before", this.options.warmup()) : null;
        WrkJob job = operation.job().apply(tokens);
        double appBefore = ProcessCpu.millis(server.pid());
        double storesBefore = stack.storesCpuMillis();
        double machineBefore = ProcessCpu.machineBusyMillis();
        Wrk.WrkResult result = wrk.run(server.baseUrl(), job, this.options.duration());
        double requests = Math.max(1, result.requests());
        double machineCpu = (ProcessCpu.machineBusyMillis() - machineBefore) / requests;
        double appCpu = (ProcessCpu.millis(server.pid()) - appBefore) / requests;
        double storesCpu = (stack.storesCpuMillis() - storesBefore) / requests;
        HashRate.Bracket hashRate = null;
        if (password) {
            // NOTE: the bench JVM's JIT is warm from the first measurement; the short warm-up lets
            // the server finish the sign-ins still queued when wrk stopped, which would share the cores.
            hashRate = HashRate.Bracket.of(bareBefore, bareHashRate("after", Duration.ofSeconds(2)));
            hashRates.put(scale.name(), hashRate);
        }
        String verdict = verdict(operation, result.requestsPerSecond(), hashRate, scale, earlier);
        Row row = new Row(scale.name(), operation.key(), operation.name(), operation.server().name(), result.requests(),
                result.requestsPerSecond(), result.p50Millis(), result.p99Millis(), result.errors(), appCpu, storesCpu, machineCpu,
                operation.target(), verdict, result.firstWrongAnswer());
        logRow(row);
        return row;
    }

    private static void logRow(Row row) {
        log(String.format(Locale.ROOT, "    %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors%s", row.requestsPerSecond(),
                row.p50Millis(), row.p99Millis(), row.errors(),
                row.errors() > 0 ? " (first wrong answer: " + row.firstWrongAnswer() + ")" : ""));
    }

    private static String verdict(Operation operation, double perSecond, HashRate.Bracket hashRate,
            BenchOptions.Scale scale, List<Row> earlier) {
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

    /** The allocator, and any other variable the apps ran with. */
    private String appEnvironment() {
        Map<String, String> environment = new TreeMap<>(this.options.appProcessEnvironment());
        environment.remove("LD_PRELOAD");
        String variables = environment.entrySet().stream().map(variable -> variable.getKey() + "=" + variable.getValue())
                .collect(Collectors.joining(" "));
        return "; malloc " + this.options.allocator().name().toLowerCase(Locale.ROOT)
                + (variables.isEmpty() ? "" : " (" + variables + ")");
    }

    private static Double seconds(Duration duration) {
        return duration == null ? null : duration.toMillis() / 1000.0;
    }

    private static void log(String line) {
        System.out.println(line);
    }
}
