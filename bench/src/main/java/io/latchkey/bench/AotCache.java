package io.latchkey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.latchkey.testing.AppProcess;

import org.springframework.util.FileSystemUtils;

/**
 * JDK 25's ahead-of-time cache (JEP 483, 514, 515) for one app: the jar extracted, one
 * training run on the app's own throw-away embedded stores that lasts until it answers
 * {@code /readyz} and is then stopped as in production (SIGTERM), and the cache the JVM
 * writes as it exits. Later starts find their classes already loaded and linked, and their
 * hot methods' profiles ready.
 * <p>
 * NOTE: {@code spring.context.exit=onRefresh} would stop training sooner, but Spring ends the JVM
 * with {@code Runtime.halt}: no shutdown hook runs, the embedded PostgreSQL and Redis the app
 * started keep running, and the next training on the same data fails on PostgreSQL's lock file.
 */
final class AotCache {

    private static final Duration EXIT_WITH_CACHE_WRITTEN = Duration.ofMinutes(2);

    private AotCache() {
    }

    /** The extracted jar to run and the JVM option that uses its trained cache. */
    record Trained(Path jar, String jvmOption) {
    }

    /**
     * Extracts {@code jar} into {@code folder} and trains a cache there, unless a cache newer
     * than the jar exists for these JVM options. A training that fails leaves no cache behind.
     * NOTE: the JVM refuses a cache trained under other heap settings (compact object headers,
     * compressed oops), so training runs with the options the app will run with.
     */
    static Trained train(Path jar, Path folder, String javaBinary, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Path extracted = folder.resolve(jar.getFileName());
        Path cache = folder.resolve("app-" + Integer.toHexString(String.join(" ", jvmOptions).hashCode()) + ".aot");
        if (Files.exists(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0) {
            return new Trained(extracted, "-XX:AOTCache=" + cache.toAbsolutePath());
        }
        Files.createDirectories(folder);
        Files.deleteIfExists(cache);
        extract(jar, folder, javaBinary);
        Path trainingData = folder.resolve("training-data-" + System.currentTimeMillis()).toAbsolutePath();
        List<String> training = new ArrayList<>(jvmOptions);
        training.addAll(List.of("-XX:AOTCacheOutput=" + cache.toAbsolutePath(),
                "-Dlatchkey.embedded.postgres-port=0", "-Dlatchkey.embedded.redis-port=0",
                "-Dlatchkey.embedded.data-directory=" + trainingData,
                // no admin account: nothing signs in during training
                "-Dlatchkey.bootstrap.admin-email="));
        try {
            AppProcess.start(extracted.toAbsolutePath(), training, Map.of(), folder.resolve("training-logs"), false)
                    .stop(EXIT_WITH_CACHE_WRITTEN);
        }
        catch (RuntimeException | IOException | InterruptedException failed) {
            Files.deleteIfExists(cache);
            throw failed;
        }
        finally {
            FileSystemUtils.deleteRecursively(trainingData);
        }
        if (!Files.exists(cache)) {
            throw new IllegalStateException("Training left no AOT cache; see " + folder.resolve("training-logs"));
        }
        return new Trained(extracted, "-XX:AOTCache=" + cache.toAbsolutePath());
    }

    private static void extract(Path jar, Path folder, String javaBinary) throws IOException, InterruptedException {
        Path log = folder.resolveSibling(folder.getFileName() + "-extract.log");
        Process process = new ProcessBuilder(javaBinary, "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(),
                "extract", "--destination", folder.toAbsolutePath().toString(), "--force")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("Extracting " + jar + " failed; see " + log);
        }
    }
}
