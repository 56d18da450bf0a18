package io.latchkey.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives one server with wrk (Debian's package): a C load generator on epoll that keeps
 * every connection busy with little CPU of its own, so on a 2-core machine most cycles go
 * to the server being measured. Latencies are wrk's, from its HdrHistogram.
 */
final class Wrk {

    private final Path workDirectory;
    private final int threads;
    private final int connections;

    Wrk(Path workDirectory, int threads, int connections) throws IOException {
        this.workDirectory = Files.createDirectories(workDirectory);
        this.threads = threads;
        this.connections = connections;
        try (InputStream script = Wrk.class.getResourceAsStream("/latchkey.lua")) {
            Files.write(script(), script.readAllBytes());
        }
    }

    /** Whether wrk is installed. */
    static boolean available() {
        try {
            Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            probe.waitFor();
            return true;
        }
        catch (IOException | InterruptedException notThere) {
            return false;
        }
    }

    /** Runs {@code job} against {@code baseUrl} for {@code duration}. */
    WrkResult run(String baseUrl, WrkJob job, Duration duration) throws IOException, InterruptedException {
        Path request = this.workDirectory.resolve("request.txt");
        List<String> lines = new ArrayList<>(List.of(job.method(), job.path()));
        lines.addAll(job.headers());
        lines.add("");
        Files.writeString(request, String.join("\n", lines) + "\n" + job.body(), StandardCharsets.UTF_8);
        Path items = this.workDirectory.resolve("items.txt");
        Files.write(items, job.items());

        List<String> command = new ArrayList<>(List.of("wrk", "-t" + this.threads, "-c" + this.connections,
                "-d" + Math.max(1, duration.toSeconds()) + "s", "--timeout", "10s", "-s", script().toString(),
                baseUrl + job.path(), "--", job.mode(), request.toString(), job.expected(),
                Integer.toString(this.threads)));
        if (!job.items().isEmpty()) {
            command.add(items.toString());
        }
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = wrk.waitFor();
        String line = output.lines().filter(l -> l.startsWith("LATCHKEY_RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk exited with " + exit + " and no result:\n" + output));
        return WrkResult.of(JsonMapper.shared().readTree(line.substring("LATCHKEY_RESULT ".length())));
    }

    private Path script() {
        return this.workDirectory.resolve("latchkey.lua");
    }

    /** What wrk measured; {@code errors} counts socket errors, timeouts and wrong answers. */
    record WrkResult(long requests, Duration duration, long errors, double p50Millis, double p90Millis,
            double p99Millis, double maxMillis, String firstWrongAnswer) {

        static WrkResult of(JsonNode json) {
            return new WrkResult(json.get("requests").asLong(), Duration.ofNanos(json.get("duration_us").asLong() * 1000),
                    json.get("socket_errors").asLong() + json.get("timeouts").asLong() + json.get("wrong").asLong(),
                    json.get("p50_us").asLong() / 1000.0, json.get("p90_us").asLong() / 1000.0,
                    json.get("p99_us").asLong() / 1000.0, json.get("max_us").asLong() / 1000.0,
                    json.get("sample").asString());
        }

        double requestsPerSecond() {
            return this.requests / (this.duration.toNanos() / 1e9);
        }
    }
}
