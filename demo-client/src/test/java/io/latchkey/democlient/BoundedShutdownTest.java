package io.latchkey.democlient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.latchkey.embedded.EmbeddedPostgresServer;
import io.latchkey.embedded.EmbeddedRedisServer;
import io.latchkey.testing.AppProcess;
import io.latchkey.testing.AuthServerProcess;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM during an outage: each app stops taking requests, answers those in flight and exits
 * within its bound (15 s by default), however the stores behave: PostgreSQL stopped and Redis
 * hung (SIGSTOP: connections open, nothing answered), the worst an orchestrator meets.
 */
class BoundedShutdownTest {

    /** The shutdown bound and the JVM's own exit around it. */
    private static final Duration WITHIN_THE_BOUND = Duration.ofSeconds(18);

    /**
     * How long resource-api keeps trusting its in-memory copy of the denials once Redis stops
     * answering ({@code latchkey.changes.stale-after}, 1 s), and a margin; after it, checking a
     * token for revocation asks Redis.
     */
    private static final Duration UNTIL_THE_COPY_IS_STALE = Duration.ofMillis(1_600);

    @Test
    void withTheStoresDownBothAppsAnswerWhatIsInFlightAndExitWithinTheBound() throws Exception {
        stopDuringAnOutage(Map.of(), true);
    }

    /**
     * An operator who keeps Hikari's own connection timeout (30 s) makes each request in flight
     * wait longer than the bound: those are cut off, and the apps still exit in time.
     */
    @Test
    void withRequestsInFlightThatWouldOutlastTheBoundTheAppsStillExitWithinIt() throws Exception {
        stopDuringAnOutage(Map.of("SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", "30000"), false);
    }

    private void stopDuringAnOutage(Map<String, String> environment, boolean inFlightAnswered) throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "shutdown-");
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data, 0);
                EmbeddedRedisServer redis = EmbeddedRedisServer.start(data, 0)) {
            AuthServerProcess authServer = AuthServerProcess.start(postgres.getJdbcUrl(), redis.port(), null, environment);
            Map<String, String> resourceApiEnvironment = new HashMap<>(environment);
            resourceApiEnvironment.putAll(Map.of(
                    "SPRING_DATASOURCE_URL", postgres.getJdbcUrl(), "SPRING_DATASOURCE_USERNAME", "postgres",
                    "SPRING_DATA_REDIS_HOST", "127.0.0.1", "SPRING_DATA_REDIS_PORT", Integer.toString(redis.port()),
                    "LATCHKEY_RESOURCE_SERVER_ISSUER", authServer.baseUrl()));
            AppProcess resourceApi = AppProcess.start("resource-api", resourceApiEnvironment);
            try {
                String token = serviceToken(authServer.baseUrl());
                postgres.stop();
                redis.freeze();
                Thread.sleep(UNTIL_THE_COPY_IS_STALE.toMillis());
                List<CompletableFuture<HttpResponse<String>>> inFlight = List.of(
                        signIns(authServer.baseUrl()), profileReads(resourceApi.baseUrl(), token)).stream()
                        .flatMap(List::stream).toList();
                Thread.sleep(300);

                CompletableFuture<Optional<Duration>> authServerExit = terminate(() -> authServer.terminate(Duration.ofSeconds(40)));
                CompletableFuture<Optional<Duration>> resourceApiExit = terminate(() -> resourceApi.terminate(Duration.ofSeconds(40)));

                assertThat(authServerExit.join().orElse(Duration.ofDays(1))).as("auth-server's exit (%s)", authServer.log())
                        .isLessThan(WITHIN_THE_BOUND);
                assertThat(resourceApiExit.join().orElse(Duration.ofDays(1))).as("resource-api's exit (%s)", resourceApi.log())
                        .isLessThan(WITHIN_THE_BOUND);
                for (CompletableFuture<HttpResponse<String>> request : inFlightAnswered ? inFlight
                        : List.<CompletableFuture<HttpResponse<String>>>of()) {
                    assertThat(request.handle((answer, failure) -> failure == null ? answer.statusCode() : -1).join())
                            .as("a request in flight is answered (503: the stores are down), not dropped").isEqualTo(503);
                }
            }
            finally {
                redis.thaw();
                authServer.close();
                resourceApi.close();
            }
        }
    }

    private static List<CompletableFuture<HttpResponse<String>>> signIns(String authServer) {
        HttpClient http = HttpClient.newHttpClient();
        return IntStream.range(0, 4).mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create(authServer + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JsonBody.of("email", "someone" + i + "@example.com", "password", "a password")))
                .build(), HttpResponse.BodyHandlers.ofString())).toList();
    }

    /** Checking a real token for revocation, once the in-memory copy is stale, needs Redis, which hangs. */
    private static List<CompletableFuture<HttpResponse<String>>> profileReads(String resourceApi, String token) {
        HttpClient http = HttpClient.newHttpClient();
        return IntStream.range(0, 4).mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create(resourceApi + "/api/users/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString())).toList();
    }

    private static String serviceToken(String authServer) {
        HttpResponse<String> answer = new HttpBrowser(authServer).postForm("/oauth2/token",
                List.of(Map.entry("grant_type", "client_credentials")),
                "Authorization", HttpBrowser.basic("service-client", "service-client-secret"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return HttpBrowser.json(answer).get("access_token").asString();
    }

    private interface Exit {
        Optional<Duration> await() throws InterruptedException;
    }

    private static CompletableFuture<Optional<Duration>> terminate(Exit exit) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return exit.await();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        });
    }
}
