package io.latchkey.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one bench run does, from its command line ({@code --name=value}).
 *
 * @param warmup       load before each measurement, not counted
 * @param duration     measured load per operation
 * @param connections  wrk connections (concurrent requests)
 * @param threads      wrk threads
 * @param scales       data scales to run the table at, in order (each adds to the last)
 * @param argon2       password hash cost the server runs with and the bare hash rate is measured at
 * @param accessTokenAlgorithm how auth-server signs access tokens (ID tokens are RS256 either way)
 * @param jvmOptions   options for the auth-server and resource-api JVMs: by default run.sh's ({@code jvm/})
 * @param allocator    the C allocator of those JVMs: jemalloc where installed, else glibc
 * @param appEnvironment extra environment for those two processes
 * @param aotCache     start the apps from a trained JDK AOT cache (their plain start is measured too)
 * @param output       folder for the Markdown and JSON reports
 * @param root         the repository root, where the built jars are
 * @param only         operation keys to run; empty runs them all
 * @param keycloak     Keycloak's distribution to compare with in the same run, or null for none
 */
record BenchOptions(Duration warmup, Duration duration, int connections, int threads, List<Scale> scales,
        Argon2Cost argon2, String accessTokenAlgorithm, List<String> jvmOptions, Allocator allocator,
        Map<String, String> appEnvironment, boolean aotCache, Path output, Path root, List<String> only, Path keycloak) {

    /** A data scale: this many accounts and live grants in the store while measuring. */
    record Scale(String name, int users, int grants) {
    }

    /** Argon2id cost: memory in KiB, passes, lanes. */
    record Argon2Cost(int memoryKib, int iterations, int parallelism) {

        @Override
        public String toString() {
            return "Argon2id m=%d KiB, t=%d, p=%d".formatted(this.memoryKib, this.iterations, this.parallelism);
        }
    }

    /** The Keycloak release {@code --compare keycloak} runs (bench/run.sh fetches the same). */
    static final String KEYCLOAK_VERSION = "26.7.3";

    static final Scale NEAR_EMPTY = new Scale("near-empty", 200, 0);
    static final Scale LARGE = new Scale("100k users, 100k grants", 100_000, 100_000);

    static BenchOptions parse(String... args) {
        Duration warmup = Duration.ofSeconds(20);
        Duration duration = Duration.ofSeconds(30);
        int connections = 16;
        int threads = 2;
        List<Scale> scales = List.of(NEAR_EMPTY, LARGE);
        // NOTE: Keycloak's default cost, the one its published numbers were measured at.
        Argon2Cost argon2 = new Argon2Cost(7168, 5, 1);
        String accessTokenAlgorithm = "EdDSA";
        List<String> jvmOptions = null; // run.sh's, from jvm/ under --root, unless --jvm-options is given
        Allocator allocator = Allocator.preferred();
        Map<String, String> appEnvironment = new LinkedHashMap<>();
        boolean aotCache = true;
        Path output = Path.of("bench", "results");
        Path root = Path.of(".");
        List<String> only = List.of();
        boolean compare = false;
        Set<String> given = new HashSet<>();
        Path keycloak = Path.of("bench", ".cache", "keycloak-quarkus-dist-" + KEYCLOAK_VERSION + ".tar.gz");
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            String value = pair.length > 1 ? pair[1] : "";
            given.add(pair[0]);
            switch (pair[0]) {
                case "smoke" -> {
                    warmup = Duration.ofSeconds(1);
                    duration = Duration.ofSeconds(2);
                    connections = 4;
                    scales = List.of(new Scale("smoke", Operation.SIGN_IN_USERS, 100));
                    aotCache = false;
                    given.add("aot-cache");
                }
                case "warmup" -> warmup = seconds(value);
                case "duration" -> duration = seconds(value);
                case "connections" -> connections = Integer.parseInt(value);
                case "threads" -> threads = Integer.parseInt(value);
                case "scales" -> scales = scales(value);
                case "argon2" -> argon2 = argon2(value);
                case "access-token-algorithm" -> accessTokenAlgorithm = value;
                case "jvm-options" -> jvmOptions = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
                case "malloc" -> allocator = Allocator.parse(value);
                case "app-environment" -> {
                    String[] variable = value.split("=", 2);
                    if (variable.length != 2 || variable[0].isBlank()) {
                        throw new IllegalArgumentException("--app-environment takes NAME=value, not " + value);
                    }
                    appEnvironment.put(variable[0], variable[1]);
                }
                case "aot-cache" -> aotCache = !"false".equals(value);
                case "output" -> output = Path.of(value);
                case "root" -> root = Path.of(value);
                case "only" -> only = List.of(value.split(","));
                case "compare" -> {
                    if (!"keycloak".equals(value)) {
                        throw new IllegalArgumentException("--compare takes keycloak, not " + value);
                    }
                    compare = true;
                }
                case "keycloak-distribution" -> keycloak = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + usage());
            }
        }
        if (jvmOptions == null) {
            jvmOptions = runShJvmOptions(root, Runtime.version().feature());
        }
        // NOTE: like run.sh, an AOT cache only on JDK 25 or newer.
        aotCache = aotCache && (given.contains("aot-cache") || Runtime.version().feature() >= 25);
        if (compare) {
            // NOTE: beside Keycloak, Latchkey runs as its users start it (run.sh: its JVM options and AOT
            // cache, glibc's malloc, the apps' own RS256) unless told otherwise.
            allocator = given.contains("malloc") ? allocator : Allocator.GLIBC;
            accessTokenAlgorithm = given.contains("access-token-algorithm") ? accessTokenAlgorithm : "RS256";
        }
        if (connections < threads) {
            throw new IllegalArgumentException("--connections must be at least --threads");
        }
        return new BenchOptions(warmup, duration, connections, threads, scales, argon2, accessTokenAlgorithm, jvmOptions,
                allocator, Map.copyOf(appEnvironment), aotCache, output, root, only, compare ? keycloak : null);
    }

    /**
     * The JVM options run.sh starts the apps with: {@code jvm/all.options}, and on JDK 25 or newer
     * {@code jvm/jdk25.options}, one option per line, {@code #} comments left out.
     */
    static List<String> runShJvmOptions(Path root, int javaFeature) {
        List<String> options = new ArrayList<>(optionsIn(root.resolve("jvm/all.options")));
        if (javaFeature >= 25) {
            options.addAll(optionsIn(root.resolve("jvm/jdk25.options")));
        }
        return List.copyOf(options);
    }

    private static List<String> optionsIn(Path file) {
        try {
            return Files.readAllLines(file).stream().map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty()).toList();
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException("The JVM options run.sh reads are not at " + file, unreadable);
        }
    }

    /** Everything the two app processes get beyond the stores' settings: the allocator's, then --app-environment. */
    Map<String, String> appProcessEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>(this.allocator.environment());
        environment.putAll(this.appEnvironment);
        return environment;
    }

    boolean runs(String operationKey) {
        return this.only.isEmpty() || this.only.contains(operationKey);
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis((long) (Double.parseDouble(value.replaceFirst("s$", "")) * 1000));
    }

    private static List<Scale> scales(String value) {
        List<Scale> scales = new ArrayList<>();
        for (String name : value.split(",")) {
            scales.add(switch (name) {
                case "empty" -> NEAR_EMPTY;
                case "100k" -> LARGE;
                default -> throw new IllegalArgumentException("--scales takes empty and/or 100k, not " + name);
            });
        }
        return scales;
    }

    private static Argon2Cost argon2(String value) {
        int[] parts = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
        if (parts.length != 3) {
            throw new IllegalArgumentException("--argon2 takes memoryKib,iterations,parallelism, e.g. 7168,5,1");
        }
        return new Argon2Cost(parts[0], parts[1], parts[2]);
    }

    static String usage() {
        return """
                bench/run.sh [--smoke] [--duration=30s] [--warmup=20s] [--connections=16] [--threads=2]
                             [--scales=empty,100k] [--argon2=7168,5,1] [--access-token-algorithm=EdDSA|ES256|RS256]
                             [--jvm-options="as in jvm/*.options"] [--aot-cache=true|false (true on JDK 25+)]
                             [--malloc=jemalloc|glibc] [--app-environment=NAME=value ...]
                             [--only=password,refresh,...] [--output=bench/results]
                             [--compare keycloak [--keycloak-distribution=bench/.cache/keycloak-quarkus-dist-%s.tar.gz]]"""
                .formatted(KEYCLOAK_VERSION);
    }
}
