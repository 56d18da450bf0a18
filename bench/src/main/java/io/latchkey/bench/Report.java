package io.latchkey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * The bench's result: the table per data scale, the bare hash rate, start-up time and
 * memory, and the machine, written as Markdown (for README) and JSON (for tools).
 */
record Report(String date, String machine, String java, String load, BenchOptions.Argon2Cost argon2,
        Map<String, HashRate.Bracket> bareHashRates, double authServerReadySeconds, double resourceApiReadySeconds,
        Double authServerPlainReadySeconds, Double resourceApiPlainReadySeconds,
        double authServerRssMib, double resourceApiRssMib, double authServerAnonymousMib, double resourceApiAnonymousMib,
        double authServerPssMib, double resourceApiPssMib, List<Row> rows, PeerSummary peer, SigningRate.Floors signingFloors) {

    /** The server compared with in the same run: what it is, its start, its memory after the table. */
    record PeerSummary(String name, double readySeconds, double pssMib) {
    }

    /** Keycloak's rate for a row: ratios of issuing rows are to the same row, of reading rows to its userinfo. */
    private static final Map<String, String> COMPARED_WITH = Map.of("password", "password", "refresh", "refresh",
            "client_credentials", "client_credentials", "introspection", "userinfo", "userinfo", "userinfo",
            "jwks", "userinfo", "me", "userinfo");

    /** What each ratio must reach. */
    private static final Map<String, Double> WANTED = Map.of("password", 1.5, "refresh", 1.5, "client_credentials", 1.5,
            "introspection", 2.0, "userinfo", 2.0, "jwks", 2.0, "me", 2.0);

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("Measured ").append(this.date).append(" on ").append(this.machine).append(", ").append(this.java)
                .append(".\n").append(this.load).append(".\n\n");
        if (this.peer != null) {
            out.append(comparison()).append('\n');
        }
        for (String scale : this.rows.stream().map(Row::scale).distinct().toList()) {
            out.append("**").append(scale).append("**\n\n");
            HashRate.Bracket bare = this.bareHashRates.get(scale);
            if (bare != null) {
                out.append(String.format(Locale.ROOT, "Bare password hash rate (%s, %d threads, no HTTP), measured just before "
                        + "and just after this table's password row: %.1f/s (p50 %.1f ms, p99 %.1f ms) and %.1f/s "
                        + "(p50 %.1f ms, p99 %.1f ms); the row is compared with their mean, %.1f/s.%n%n", this.argon2,
                        bare.before().threads(), bare.before().perSecond(), bare.before().p50Millis(),
                        bare.before().p99Millis(), bare.after().perSecond(), bare.after().p50Millis(),
                        bare.after().p99Millis(), bare.perSecond()));
            }
            out.append("| operation | req/s | p50 ms | p99 ms | errors | app CPU ms/req | store CPU ms/req | machine CPU ms/req "
                    + "| target | result |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
            for (Row row : this.rows.stream().filter(r -> r.scale().equals(scale) && !isPeer(r)).toList()) {
                out.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %d | %.3f | %.3f | %.3f | %s | %s |%n",
                        row.operation(), row.requestsPerSecond(), row.p50Millis(), row.p99Millis(), row.errors(),
                        row.appCpuMsPerRequest(), row.storesCpuMsPerRequest(), row.machineCpuMsPerRequest(), row.target(),
                        row.verdict()));
            }
            out.append('\n').append(againstSigningFloors(scale));
        }
        out.append(String.format(Locale.ROOT, "Ready (JVM launch to first 200 from /readyz): auth-server %.1f s, resource-api %.1f s",
                this.authServerReadySeconds, this.resourceApiReadySeconds));
        if (this.authServerPlainReadySeconds != null) {
            out.append(String.format(Locale.ROOT, " from a JDK AOT cache (plain java -jar: %.1f s and %.1f s)",
                    this.authServerPlainReadySeconds, this.resourceApiPlainReadySeconds));
        }
        out.append(String.format(Locale.ROOT, ". Resident memory after the benchmark: auth-server %.0f MiB (%.0f MiB its own, "
                + "the rest mapped files), resource-api %.0f MiB (%.0f MiB its own).%n",
                this.authServerRssMib, this.authServerAnonymousMib, this.resourceApiRssMib, this.resourceApiAnonymousMib));
        out.append(String.format(Locale.ROOT, "Proportional set size after the benchmark: auth-server %.0f MiB, resource-api "
                + "%.0f MiB (each JVM alone; the stores are processes of their own here)%s.%n", this.authServerPssMib,
                this.resourceApiPssMib, this.peer == null ? ""
                        : String.format(Locale.ROOT, "; %s %.0f MiB, ready in %.1f s", this.peer.name(), this.peer.pssMib(),
                                this.peer.readySeconds())));
        return out.toString();
    }

    /**
     * Latchkey beside the peer, row by row, at the first data scale: both rates, the ratio and
     * what it must reach, both servers' latencies, errors and CPU per request (the server's
     * process tree, and for Latchkey its stores too).
     */
    private String comparison() {
        String scale = this.rows.getFirst().scale();
        StringBuilder out = new StringBuilder("**Latchkey beside " + this.peer.name() + "**, " + scale + "\n\n"
                + "| op | Keycloak req/s | Latchkey req/s | ratio (wanted) | p50 ms KC / LK | p99 ms KC / LK | errors KC / LK "
                + "| server CPU ms/req KC / LK |\n|---|---:|---:|---|---|---|---|---|\n");
        for (Row latchkey : this.rows.stream().filter(r -> r.scale().equals(scale) && !isPeer(r)).toList()) {
            Row same = peerRow(scale, latchkey.key());
            Row base = peerRow(scale, COMPARED_WITH.getOrDefault(latchkey.key(), ""));
            if (base == null) {
                continue;
            }
            double ratio = latchkey.requestsPerSecond() / base.requestsPerSecond();
            String of = base.key().equals(latchkey.key()) ? "" : " of KC " + base.key();
            double wanted = WANTED.getOrDefault(latchkey.key(), 0.0);
            out.append(String.format(Locale.ROOT, "| %s | %,.0f%s | %,.0f | %.2f (%.1f): %s | %s | %s | %s | %s |%n",
                    latchkey.operation(), base.requestsPerSecond(), of, latchkey.requestsPerSecond(), ratio, wanted,
                    ratio >= wanted ? "met" : "not met",
                    pair(same, latchkey, Row::p50Millis), pair(same, latchkey, Row::p99Millis),
                    same == null ? "– / " + latchkey.errors() : same.errors() + " / " + latchkey.errors(),
                    same == null ? String.format(Locale.ROOT, "– / %.3f", latchkey.appCpuMsPerRequest() + latchkey.storesCpuMsPerRequest())
                            : String.format(Locale.ROOT, "%.3f / %.3f", same.appCpuMsPerRequest(),
                                    latchkey.appCpuMsPerRequest() + latchkey.storesCpuMsPerRequest())));
        }
        out.append('\n').append(againstSigningFloors(scale));
        return out.toString();
    }

    /** Each issuing row as a share of what signing alone allows (85% wanted). */
    private String againstSigningFloors(String scale) {
        if (this.signingFloors == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("Bare signing rate (no HTTP, every core): ");
        out.append(this.signingFloors.signaturesPerSecond().entrySet().stream()
                .map(rate -> String.format(Locale.ROOT, "%s %,.0f/s", rate.getKey(), rate.getValue()))
                .collect(Collectors.joining(", ")));
        out.append("; the issuing rows against it:");
        for (Row row : this.rows.stream().filter(r -> r.scale().equals(scale) && !isPeer(r)).toList()) {
            Double floor = this.signingFloors.of(row.key());
            if (floor != null) {
                double share = row.requestsPerSecond() / floor;
                out.append(String.format(Locale.ROOT, " %s %,.0f of %,.0f/s (%.0f%%, wanted 85%%: %s);", row.key(),
                        row.requestsPerSecond(), floor, 100 * share, share >= 0.85 ? "met" : "not met"));
            }
        }
        out.setLength(out.length() - 1);
        return out.append(" (client_credentials signs an access token, refresh an access and an RS256 ID token).\n\n").toString();
    }

    private static String pair(Row keycloak, Row latchkey, ToDoubleFunction<Row> value) {
        return keycloak == null ? String.format(Locale.ROOT, "– / %.1f", value.applyAsDouble(latchkey))
                : String.format(Locale.ROOT, "%.1f / %.1f", value.applyAsDouble(keycloak), value.applyAsDouble(latchkey));
    }

    private Row peerRow(String scale, String key) {
        return this.rows.stream().filter(r -> isPeer(r) && r.scale().equals(scale) && r.key().equals(key)).findFirst()
                .orElse(null);
    }

    private static boolean isPeer(Row row) {
        return row.server().equals(Operation.Server.KEYCLOAK.name());
    }

    /** The table as printed to the console. */
    String console() {
        return this.rows.stream().map(row -> String.format(Locale.ROOT, "%-26s %-58s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d  cpu %.3f+%.3f of %.3f ms  %s",
                row.scale(), row.operation(), row.requestsPerSecond(), row.p50Millis(), row.p99Millis(), row.errors(),
                row.appCpuMsPerRequest(), row.storesCpuMsPerRequest(), row.machineCpuMsPerRequest(), row.verdict()))
                .collect(Collectors.joining("\n"));
    }

    /** Writes {@code latest.md} and {@code latest.json} into {@code folder}; returns the Markdown file. */
    Path write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path markdown = folder.resolve("latest.md");
        Files.writeString(markdown, "# Latchkey benchmark\n\n" + markdown());
        Files.writeString(folder.resolve("latest.json"),
                JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(this));
        return markdown;
    }
}
