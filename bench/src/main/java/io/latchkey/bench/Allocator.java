package io.latchkey.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The C allocator the apps' JVMs run on: glibc's malloc, or jemalloc (Debian's and Ubuntu's
 * {@code libjemalloc2}) preloaded, with a background thread that hands freed pages back.
 * <p>
 * NOTE: after the JIT has warmed up, glibc keeps most of the memory the C2 compiler's arenas
 * peaked at; jemalloc's background thread returns what has been free for 10 s. In A/B runs
 * and full runs that took 20-40 MiB off auth-server's resident memory and about 20 MiB off
 * resource-api's, with no throughput or start-up time lost (bench/results/history.md). The app image preloads it
 * with the same setting.
 */
enum Allocator {

    GLIBC, JEMALLOC;

    /** What the image sets too (Dockerfile): purging by a background thread, not only inside allocations. */
    static final String JEMALLOC_CONF = "background_thread:true";

    private static final List<Path> JEMALLOC_PATHS = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"),
            Path.of("/usr/lib/aarch64-linux-gnu/libjemalloc.so.2"),
            Path.of("/usr/lib64/libjemalloc.so.2"));

    /** jemalloc where it is installed, else glibc. */
    static Allocator preferred() {
        return jemalloc().isPresent() ? JEMALLOC : GLIBC;
    }

    static Allocator parse(String value) {
        return switch (value) {
            case "glibc" -> GLIBC;
            case "jemalloc" -> {
                if (jemalloc().isEmpty()) {
                    throw new IllegalArgumentException("--malloc=jemalloc needs libjemalloc2 (sudo apt-get install libjemalloc2)");
                }
                yield JEMALLOC;
            }
            default -> throw new IllegalArgumentException("--malloc takes jemalloc or glibc, not " + value);
        };
    }

    /** The environment that makes a process use this allocator. */
    Map<String, String> environment() {
        return switch (this) {
            case GLIBC -> Map.of();
            case JEMALLOC -> Map.of("LD_PRELOAD", jemalloc().orElseThrow().toString(), "MALLOC_CONF", JEMALLOC_CONF);
        };
    }

    private static Optional<Path> jemalloc() {
        return JEMALLOC_PATHS.stream().filter(Files::isReadable).findFirst();
    }
}
