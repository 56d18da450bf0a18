package io.latchkey.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default belongs to the app's context: on SIGTERM the stores keep answering
 * until the context has finished shutting down (graceful shutdown included), and then stop
 * with it instead of outliving the app.
 */
class EmbeddedStoresShutdownTest {

    private static final Pattern READY = Pattern.compile("READY postgres=(\\d+) redis=(\\d+)");

    @TempDir
    Path directory;

    @Test
    void theStoresAnswerWhileTheAppShutsDownAndStopOnceItHasClosed() throws Exception {
        Path output = this.directory.resolve("app.out");
        Process app = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), AppUsingEmbeddedStores.class.getName(),
                "--latchkey.embedded.data-directory=" + this.directory.resolve("data")))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            Matcher ready = awaitReady(app, output);
            int postgresPort = Integer.parseInt(ready.group(1));
            int redisPort = Integer.parseInt(ready.group(2));

            app.destroy();
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("the app exits after SIGTERM").isTrue();

            String log = Files.readString(output);
            assertThat(log).contains("DURING SHUTDOWN postgres says up", "DURING SHUTDOWN redis says PONG")
                    .doesNotContain("DURING SHUTDOWN postgres failed", "DURING SHUTDOWN redis failed");
            assertThat(EmbeddedPostgresServer.answers(postgresPort)).as("PostgreSQL stopped with the app").isFalse();
            assertThat(RedisProcess.answersPing(redisPort)).as("Redis stopped with the app").isFalse();
        }
        finally {
            app.destroyForcibly();
        }
    }

    private static Matcher awaitReady(Process app, Path output) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            String log = Files.exists(output) ? Files.readString(output) : "";
            Matcher ready = READY.matcher(log);
            if (ready.find()) {
                return ready;
            }
            if (!app.isAlive()) {
                throw new IllegalStateException("The app exited before it was ready:\n" + log);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The app was not ready within 90 s:\n" + Files.readString(output));
    }
}
