package io.latchkey.resourceapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.latchkey.api.jwt.HeaderBearerTokenResolver;
import io.latchkey.api.web.PrintableText;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.util.ReflectionTestUtils;

import static io.latchkey.testing.HttpBrowser.json;
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
    void aRequestWithoutATokenIs401WithABearerChallenge() throws Exception {
        HttpResponse<String> response = get("/api/users/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertThat(challenge).startsWith("Bearer").doesNotContain("error=");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(response).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void springSecurityUsesTheRegexFreeFirewallAndBearerTokenResolver(@Autowired FilterChainProxy security) {
        // NOTE: Spring Security wraps the proxy WebSecurity builds in one of its own; the firewall is the inner one's.
        Object proxy = security;
        while (proxy.getClass().getSimpleName().equals("CompositeFilterChainProxy")) {
            proxy = ReflectionTestUtils.getField(proxy, "springSecurityFilterChain");
        }
        Object firewall = ReflectionTestUtils.getField(proxy, "firewall");
        assertThat(ReflectionTestUtils.getField(firewall, "allowedHeaderValues")).isSameAs(PrintableText.HEADER_VALUES);
        assertThat(ReflectionTestUtils.getField(firewall, "allowedHeaderNames")).isSameAs(PrintableText.NAMES);
        assertThat(security.getFilterChains()).flatMap(SecurityFilterChain::getFilters)
                .filteredOn(BearerTokenAuthenticationFilter.class::isInstance)
                .isNotEmpty()
                .allSatisfy(filter -> assertThat(ReflectionTestUtils.getField(
                        ReflectionTestUtils.getField(filter, "authenticationConverter"), "bearerTokenResolver"))
                        .isInstanceOf(HeaderBearerTokenResolver.class));
    }

    @Test
    void aMalformedBearerTokenIsAnInvalidToken() throws Exception {
        HttpResponse<String> response = get("/api/users/me", "not a token");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
    }

    @Test
    void aTokenThatIsNotAJwtIsAnInvalidToken() throws Exception {
        HttpResponse<String> response = get("/api/users/me", "not-a-jwt");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
    }

    /** Refused by Spring Security's firewall, before any endpoint: still a problem, not Boot's own JSON. */
    @Test
    void aRequestTheFirewallRefusesIsAProblem() throws Exception {
        HttpResponse<String> response = get("/api//users/me", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(response).get("status").asInt()).isEqualTo(400);
        assertThat(json(response).has("timestamp")).isFalse();
    }

    @Test
    void healthIsPublicAndUp() throws Exception {
        HttpResponse<String> response = get("/readyz", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void openApiDescribesEveryEndpointWithTheBearerScheme() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", null);

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = json(docs).get("paths");
        assertThat(List.of("/api/users/me", "/api/users/me/password", "/api/users/me/sessions/{id}", "/api/admin/users",
                "/api/admin/users/{id}/logout")).allSatisfy(path -> assertThat(paths.has(path)).as(path).isTrue());
        assertThat(json(docs).findValue("bearerFormat").asString()).isEqualTo("JWT");
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
