package io.latchkey.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
            Measurements measurements = new Measurements(this.options, wrk, tokens);

            SigningRate.Floors signingFloors = signingFloors();
            List<Row> rows = new ArrayList<>();
            Map<String, HashRate.Bracket> hashRates = new LinkedHashMap<>();
            for (BenchOptions.Scale scale : this.options.scales()) {
                seeder.seedUsers(TokenFixtures.TEMPLATE_EMAIL, scale.users());
                seeder.seedGrants(templateGrant, scale.grants());
                log("Scale " + scale.name() + ": " + seeder.counts().get(0) + " accounts, " + seeder.counts().get(1)
                        + " grants");
                boolean first = scale == this.options.scales().getFirst();
                if (first) {
                    measurements.warmUp(stack, peer);
                }
                for (Operation operation : Operation.all(this.options.connections())) {
                    if (this.options.runs(operation.key())) {
                        rows.add(measurements.latchkey(stack, scale, operation, hashRates));
                        // NOTE: Keycloak's row right after Latchkey's, at the first scale only: its accounts are
                        // the sign-in pool, not a seeded 100k (each would cost Keycloak an Argon2 hash to import).
                        Operation keycloaks = first ? peer.operation(operation.key()) : null;
                        if (keycloaks != null) {
                            rows.add(measurements.row(keycloaks, peer.keycloak().baseUrl(), peer.keycloak().pid(),
                                    () -> 0, scale, () -> { }));
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
                    ProcessCpu.proportionalMib(stack.resourceApi.pid()), rows, peer.summary(), signingFloors);
        }
    }

    /** The bare signing rates of the access-token algorithm and of RS256 (ID tokens), measured while the servers idle. */
    private SigningRate.Floors signingFloors() throws Exception {
        Map<String, Double> rates = new LinkedHashMap<>();
        Duration measured = this.options.duration().compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                : this.options.duration();
        for (String algorithm : new LinkedHashSet<>(List.of(this.options.accessTokenAlgorithm(), "RS256"))) {
            double rate = SigningRate.measure(algorithm, Duration.ofSeconds(2), measured);
            log(String.format(Locale.ROOT, "Bare %s signing rate: %,.0f signatures/s", algorithm, rate));
            rates.put(algorithm, rate);
        }
        return new SigningRate.Floors(this.options.accessTokenAlgorithm(), rates);
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

    static void log(String line) {
        System.out.println(line);
    }
}
