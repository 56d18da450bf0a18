package io.latchkey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JDK 25's ahead-of-time cache (JEP 483, 514, 515) for one app, made the way Spring Boot
 * documents it: the jar extracted, one training run that stops once the application context
 * has refreshed ({@code spring.context.exit=onRefresh}), and the cache it leaves. Later starts
 * find their classes already loaded and linked, and their hot methods' profiles ready.
 */
final class AotCache {

    private AotCache() {
    }

    /** The extracted jar to run and the JVM option that uses its trained cache. */
    record Trained(Path jar, String jvmOption) {
    }

    /**
     * Extracts {@code jar} into {@code folder} and trains a cache there, running the app on its
     * own embedded stores (the local profile, throw-away data), unless a cache newer than the jar
     * exists for these JVM options.
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
        run(folder, List.of(javaBinary, "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
                "--destination", folder.toAbsolutePath().toString(), "--force"));
        List<String> training = new ArrayList<>(List.of(javaBinary));
        training.addAll(jvmOptions);
        training.addAll(List.of("-XX:AOTCacheOutput=" + cache.toAbsolutePath(),
                "-Dspring.context.exit=onRefresh",
                "-Dserver.port=0", "-Dmanagement.server.port=0",
                "-Dlatchkey.embedded.postgres-port=0", "-Dlatchkey.embedded.redis-port=0",
                "-Dlatchkey.embedded.data-directory=" + folder.resolve("training-data").toAbsolutePath(),
                "-Dlatchkey.bootstrap.admin-password=aot-training-only",
                "-jar", extracted.toAbsolutePath().toString()));
        run(folder, training);
        if (!Files.exists(cache)) {
            throw new IllegalStateException("Training left no AOT cache; see " + log(folder));
        }
        return new Trained(extracted, "-XX:AOTCache=" + cache.toAbsolutePath());
    }

    private static void run(Path folder, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(folder).toFile())).start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + "; see " + log(folder));
        }
    }

    private static Path log(Path folder) {
        return folder.resolveSibling(folder.getFileName() + "-aot.log");
    }
}
