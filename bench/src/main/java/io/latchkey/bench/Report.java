package io.latchkey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
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
        List<Row> rows) {

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("Measured ").append(this.date).append(" on ").append(this.machine).append(", ").append(this.java)
                .append(".\n").append(this.load).append(".\n\n");
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
            for (Row row : this.rows.stream().filter(r -> r.scale().equals(scale)).toList()) {
                out.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %d | %.3f | %.3f | %.3f | %s | %s |%n",
                        row.operation(), row.requestsPerSecond(), row.p50Millis(), row.p99Millis(), row.errors(),
                        row.appCpuMsPerRequest(), row.storesCpuMsPerRequest(), row.machineCpuMsPerRequest(), row.target(),
                        row.verdict()));
            }
            out.append('\n');
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
        return out.toString();
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
