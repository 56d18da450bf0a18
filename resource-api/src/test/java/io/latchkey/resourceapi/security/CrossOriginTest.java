package io.latchkey.resourceapi.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API answers a browser app at the local profile's origin (demo-spa's), and no other. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "latchkey.embedded.postgres-port=0",
        "latchkey.embedded.redis-port=0",
        "latchkey.embedded.data-directory=target/test-stores/${random.uuid}" })
class CrossOriginTest {

    private static final String SPA = "http://localhost:5173";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = { "GET", "PATCH", "PUT", "DELETE" })
    void aPreflightFromTheAppLetsItsOriginCallTheAccountApiWithoutCredentials(String method) throws Exception {
        HttpResponse<String> preflight = preflight("/api/users/me", SPA, method);

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SPA);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains(method);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void anotherOriginAskingIsRefused() throws Exception {
        HttpResponse<String> preflight = preflight("/api/users/me", "http://evil.example", "PATCH");

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theAppCanReadWhyATokenIsRefused() throws Exception {
        HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/users/me"))
                .header("Origin", SPA).header("Authorization", "Bearer not-a-jwt").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SPA);
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("WWW-Authenticate");
    }

    @Test
    void theProbesAreNotOpenCrossOrigin() throws Exception {
        HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/livez")).header("Origin", SPA).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> preflight(String path, String origin, String method) throws Exception {
        return this.http.send(HttpRequest.newBuilder(uri(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }
}
