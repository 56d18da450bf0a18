package io.latchkey.authserver.operations;

import java.net.http.HttpResponse;
import java.util.List;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.scheduling.TaskScheduler;

import static io.latchkey.testing.HttpBrowser.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Probes on the public port, everything else of actuator on the management port only. */
@AuthServerTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void probesAnswerOnThePublicPort() {
        HttpBrowser publicPort = new HttpBrowser("http://localhost:" + this.port);

        assertThat(publicPort.get("/livez", "Accept", "application/json").statusCode()).isEqualTo(200);
        assertThat(json(publicPort.get("/readyz", "Accept", "application/json")).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void actuatorIsNotOnThePublicPort() {
        HttpBrowser publicPort = new HttpBrowser("http://localhost:" + this.port);

        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/info", "/actuator/env")) {
            assertThat(publicPort.get(path, "Accept", "application/json").statusCode()).as(path).isNotEqualTo(200);
        }
    }

    @Test
    void readinessCoversPostgresAndRedis() {
        HttpBrowser management = new HttpBrowser("http://localhost:" + this.managementPort);

        HttpResponse<String> readiness = management.get("/actuator/health/readiness", "Accept", "application/json");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(List.of("db", "redis", "readinessState"))
                .allSatisfy(check -> assertThat(json(readiness).findValue(check)).as(check).isNotNull());
        assertThat(json(management.get("/actuator/info", "Accept", "application/json")).findValue("name").asString())
                .isEqualTo("auth-server");
        assertThat(management.get("/actuator/env", "Accept", "application/json").statusCode())
                .as("only health, info and prometheus are exposed").isNotEqualTo(200);
    }

    @Test
    void accessLogNamesTheClientButNeverItsSecretOrToken(CapturedOutput output) {
        HttpResponse<String> issued = new HttpBrowser("http://localhost:" + this.port).postForm("/oauth2/token",
                List.of(Map.entry("grant_type", "client_credentials")),
                "Authorization", HttpBrowser.basic("service-client", "service-client-secret"));
        String token = HttpBrowser.json(issued).get("access_token").asString();

        assertThat(output).contains("POST /oauth2/token 200").contains("client_id=service-client")
                .doesNotContain("service-client-secret").doesNotContain(token);
    }

    @Test
    void signingKeysCanBeListedAndRotatedOnTheManagementPortOnly() {
        HttpBrowser management = new HttpBrowser("http://localhost:" + this.managementPort);
        List<String> before = HttpBrowser.json(management.get("/actuator/signingkeys", "Accept", "application/json"))
                .values().stream().filter(key -> key.get("current").asBoolean()).map(key -> key.get("kid").asString()).toList();
        assertThat(before).as("by default one current key: RS256").hasSize(1);

        HttpResponse<String> rotated = management.postJson("/actuator/signingkeys", null);

        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(HttpBrowser.strings(HttpBrowser.json(rotated).get("current"))).hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(new HttpBrowser("http://localhost:" + this.port).postJson("/actuator/signingkeys", null).statusCode())
                .isNotEqualTo(200);
    }

    @Test
    void openApiDescribesTheJsonAuthApiAndItsSecuritySchemes() {
        HttpResponse<String> docs = new HttpBrowser("http://localhost:" + this.port).get("/v3/api-docs", "Accept", "application/json");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(HttpBrowser.json(docs).get("paths").propertyNames())
                .contains("/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout");
        assertThat(HttpBrowser.json(docs).get("components").get("securitySchemes").propertyNames())
                .contains("bearer", "refresh-cookie");
    }

    @Test
    void prometheusCountsTokensLoginsAndTimesTheTokenEndpoint() {
        HttpBrowser http = new HttpBrowser("http://localhost:" + this.port);
        http.postForm("/oauth2/token", List.of(Map.entry("grant_type", "client_credentials")),
                "Authorization", HttpBrowser.basic("service-client", "service-client-secret"));
        http.postJson("/api/auth/login", JsonBody.of("email", "nobody-ops@example.com", "password", "wrong password"));
        http.postForm("/oauth2/token", List.of(Map.entry("grant_type", "made-up-grant-type")),
                "Authorization", HttpBrowser.basic("service-client", "service-client-secret"));

        String metrics = new HttpBrowser("http://localhost:" + this.managementPort)
                .get("/actuator/prometheus", "Accept", "text/plain").body();

        assertThat(metrics)
                .contains("latchkey_tokens_issued_total{grant_type=\"client_credentials\"")
                .contains("latchkey_logins_total{outcome=\"failed\"")
                .contains("latchkey_token_requests_seconds_count{grant_type=\"client_credentials\",status=\"200\"")
                .contains("latchkey_token_requests_seconds_count{grant_type=\"other\"")
                .as("a caller cannot create metric series").doesNotContain("made-up-grant-type");
    }

    /** The scheduler @Scheduled jobs run on (the hourly purges, the reconciliation) logs an outage as one line. */
    @Test
    void aScheduledJobThatCannotReachTheDatabaseLogsOneWarnLineAndNoStackTrace(@Autowired TaskScheduler scheduler, CapturedOutput output)
            throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        scheduler.schedule(() -> {
            ran.countDown();
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("Connection is not available, request timed out after 1000ms"));
        }, Instant.now());
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();

        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .contains("WARN").contains("A scheduled job could not reach the database"));
        String line = output.getOut().lines().filter(text -> text.contains("A scheduled job could not reach")).findFirst()
                .orElseThrow();
        assertThat(output.getOut().substring(output.getOut().indexOf(line) + line.length()))
                .as("no stack trace after it").doesNotStartWith(System.lineSeparator() + "\tat ")
                .doesNotContain("CannotGetJdbcConnectionException: Failed");
    }
}
