package io.latchkey.resourceapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** resource-api starts on its embedded stores and refuses requests without a bearer token (RFC 6750). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "latchkey.embedded.postgres-port=0",
        "latchkey.embedded.redis-port=0",
        "latchkey.embedded.data-directory=target/test-stores/${random.uuid}" })
class ResourceApiApplicationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void whenNoTokenThenUnauthorizedWithBearerChallenge() throws Exception {
        HttpResponse<String> response = get("/api/users/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertThat(challenge).startsWith("Bearer").doesNotContain("error=");
    }

    @Test
    void whenTokenIsNotAJwtThenInvalidToken() throws Exception {
        HttpResponse<String> response = get("/api/users/me", "not-a-jwt");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
    }

    @Test
    void healthIsPublicAndUp() throws Exception {
        HttpResponse<String> response = get("/readyz", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void openApiDescribesEveryEndpointWithTheBearerScheme() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", null);

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"/api/users/me\"").contains("\"/api/users/me/password\"")
                .contains("\"/api/users/me/sessions/{id}\"").contains("\"/api/admin/users\"")
                .contains("\"/api/admin/users/{id}/logout\"").contains("\"bearerFormat\":\"JWT\"");
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
