package io.latchkey.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping the bench part-way (Ctrl-C, SIGTERM) stops everything it started: both apps'
 * JVMs, Redis and PostgreSQL. Left running, they would hold memory and ports and take CPU
 * from the next run's measurements.
 */
class BenchStoppedTest {

    @Test
    void stoppingTheBenchMidRunLeavesNoProcessOfItsOwnRunning() throws Exception {
        BenchPrerequisites.assumeWrkAndTheAppsJars();
        Set<Long> before = ProcessHandle.allProcesses().map(ProcessHandle::pid).collect(Collectors.toSet());
        Path log = Path.of("target", "stopped-bench.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process bench = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Bench.class.getName(),
                "--smoke", "--root=..", "--output=target/stopped-bench-results")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> !bench.isAlive()
                    || Files.readString(log).contains("(warm-up, then measured)"));
            assertThat(bench.isAlive()).as("the bench is running; its log is %s", log).isTrue();
            List<ProcessHandle> started = Stream.concat(bench.descendants(), postgresStartedSince(before)).toList();
            assertThat(started).extracting(BenchStoppedTest::name)
                    .contains("java", "redis-server", "postgres");

            bench.destroy();

            // The bench stops its apps before their stores, so none is left waiting on a store that is gone.
            assertThat(bench.waitFor(60, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(started)
                    .filteredOn(ProcessHandle::isAlive).extracting(BenchStoppedTest::name).isEmpty());
        }
        finally {
            bench.destroyForcibly();
        }
    }

    /** The postmaster outlives pg_ctl, so it is no descendant of the bench: found by its data folder. */
    private static Stream<ProcessHandle> postgresStartedSince(Set<Long> before) {
        return ProcessHandle.allProcesses()
                .filter(process -> !before.contains(process.pid()))
                .filter(process -> process.info().arguments().map(List::of).orElse(List.of()).stream()
                        .anyMatch(argument -> argument.contains("bench/target/data/")));
    }

    private static String name(ProcessHandle process) {
        String command = process.info().command().orElse("?");
        String name = command.substring(command.lastIndexOf('/') + 1);
        return name.startsWith("redis-server") ? "redis-server" : name;
    }
}
