package io.latchkey.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a JMH benchmark class from a test, in the test's JVM. By default a smoke run (one
 * short iteration) that only keeps the benchmark working in CI; with
 * {@code -Dlatchkey.bench=full}, warm-up and measured iterations long enough to print
 * numbers worth reading, also written to {@code target/jmh/<class>.json}.
 */
public final class JmhRun {

    private JmhRun() {
    }

    public static boolean full() {
        return "full".equals(System.getProperty("latchkey.bench"));
    }

    public static Collection<RunResult> run(Class<?> benchmark) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(benchmark.getName().replace("$", "\\$") + "\\.")
                // NOTE: no fork: the benchmark runs on the test's classpath, which a forked JVM would not have.
                .forks(0)
                .threads(1)
                .timeUnit(TimeUnit.MICROSECONDS)
                .shouldFailOnError(true);
        if (full()) {
            Path results = Path.of("target", "jmh", benchmark.getSimpleName() + ".json");
            try {
                Files.createDirectories(results.getParent());
            }
            catch (java.io.IOException ex) {
                throw new IllegalStateException(ex);
            }
            options.warmupIterations(3).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                    .result(results.toString()).resultFormat(ResultFormatType.JSON);
        }
        else {
            options.warmupIterations(1).warmupTime(TimeValue.milliseconds(200))
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(300));
        }
        return new Runner(options.build()).run();
    }
}
