package io.latchkey.authserver.authorization;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.testing.HttpBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API clients (curl, fetch, OAuth libraries) send {@code Accept: *}{@code /*} or no Accept at
 * all: they get 401 with the challenge their protocol defines, never a redirect to the
 * sign-in page. Only a browser opening the authorization endpoint or a page is sent there.
 */
@AuthServerTest
class ApiClientAnswersTest {

    /** What API clients send, and what a browser opening a page sends. */
    private static final List<String> ACCEPTS = List.of("*/*", "", "application/json", "text/html");

    private static final String AUTHORIZE_QUERY = "?response_type=code&client_id=demo-client&scope=openid"
            + "&redirect_uri=http://localhost:8080/login/oauth2/code/latchkey"
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";

    @LocalServerPort
    int port;

    HttpBrowser http;

    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        this.http = new HttpBrowser("http://localhost:" + this.port);
    }

    /** Every endpoint discovery lists is checked; one this test does not know fails it, until it is added here. */
    @ParameterizedTest
    @ValueSource(strings = { "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server" })
    void anApiClientCallingAnyListedEndpointWithoutCredentialsIsNeverSentToSignIn(String document) {
        JsonNode metadata = HttpBrowser.json(this.http.get(document, "Accept", "application/json"));
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
            if (!entry.getKey().endsWith("_endpoint") && !entry.getKey().equals("jwks_uri")) {
                continue;
            }
            String path = URI.create(entry.getValue().asString()).getPath();
            for (String accept : ACCEPTS) {
                switch (entry.getKey()) {
                    case "token_endpoint", "introspection_endpoint", "revocation_endpoint",
                            "pushed_authorization_request_endpoint" -> assertClientAuthenticationRequired(path, accept);
                    case "userinfo_endpoint" -> {
                        assertBearerChallenge(send("GET", path, accept));
                        assertBearerChallenge(send("POST", path, accept));
                    }
                    case "authorization_endpoint" -> assertThat(send("GET", path + AUTHORIZE_QUERY, accept).statusCode())
                            .as("the authorization endpoint (%s): only a page navigation signs in", accept)
                            .isEqualTo(accept.equals("text/html") ? 302 : 401);
                    case "jwks_uri" -> assertThat(send("GET", path, accept).statusCode()).isEqualTo(200);
                    case "end_session_endpoint" -> assertThat(send("GET", path, accept).statusCode())
                            .as("no id_token_hint: a bad request, not a sign-in").isEqualTo(400);
                    default -> throw new AssertionError("Discovery lists " + entry.getKey()
                            + ", which this test does not check yet");
                }
            }
            checked.add(entry.getKey());
        }
        assertThat(checked).contains("authorization_endpoint", "token_endpoint", "introspection_endpoint",
                "revocation_endpoint", "jwks_uri");
    }

    @Test
    void aSignedOutBrowserOpeningTheAuthorizationEndpointIsSentToSignIn() {
        HttpResponse<String> navigation = send("GET", "/oauth2/authorize" + AUTHORIZE_QUERY,
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        assertThat(navigation.statusCode()).isEqualTo(302);
        assertThat(HttpBrowser.location(navigation)).endsWith("/login");
    }

    @Test
    void anApiClientAskingForAPageGets401ProblemWithoutASession() {
        for (String accept : List.of("*/*", "", "application/json")) {
            HttpResponse<String> response = send("GET", "/oauth2/consent", accept);

            assertThat(response.statusCode()).as(accept).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(response.headers().firstValue("Set-Cookie")).as("no browser session kept for it").isEmpty();
        }
        HttpResponse<String> browser = send("GET", "/oauth2/consent", "text/html");
        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(HttpBrowser.location(browser)).endsWith("/login");
    }

    @Test
    void anApiClientCallingTheJsonApiWithoutTokensGets401Problem() {
        for (String accept : ACCEPTS) {
            for (String path : List.of("/api/auth/logout", "/api/auth/refresh")) {
                HttpResponse<String> response = send("POST", path, accept, "application/json", "{}");

                assertThat(response.statusCode()).as("%s %s", path, accept).isEqualTo(401);
                assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            }
        }
    }

    /**
     * RFC 6749 5.2: a client that authenticated with the Authorization header and failed gets
     * 401 and a challenge for the scheme it used; one that sent its secret in the body gets 401
     * {@code invalid_client} too.
     */
    @ParameterizedTest
    @ValueSource(strings = { "/oauth2/token", "/oauth2/introspect", "/oauth2/revoke", "/oauth2/par" })
    void aClientSendingWrongCredentialsGets401InvalidClientWithAChallenge(String path) {
        for (String[] credentials : List.of(new String[] { "service-client", "wrong-secret" },
                new String[] { "no-such-client", "any-secret" })) {
            HttpResponse<String> basic = this.http.postForm(path,
                    List.of(Map.entry("grant_type", "client_credentials"), Map.entry("token", "x"),
                            Map.entry("response_type", "code"), Map.entry("redirect_uri", "http://localhost:8080/cb")),
                    "Authorization", HttpBrowser.basic(credentials[0], credentials[1]), "Accept", "*/*");
            assertThat(basic.statusCode()).as("%s with Basic %s", path, credentials[0]).isEqualTo(401);
            assertThat(basic.headers().firstValue("WWW-Authenticate")).as("%s challenge", path).get()
                    .asString().startsWith("Basic realm=\"http://localhost:9000\"");
            assertThat(HttpBrowser.json(basic).get("error").asString()).isEqualTo("invalid_client");

            HttpResponse<String> post = this.http.postForm(path,
                    List.of(Map.entry("grant_type", "client_credentials"), Map.entry("token", "x"),
                            Map.entry("client_id", credentials[0]), Map.entry("client_secret", credentials[1])),
                    "Accept", "*/*");
            assertThat(post.statusCode()).as("%s with client_secret_post %s", path, credentials[0]).isEqualTo(401);
            assertThat(HttpBrowser.json(post).get("error").asString()).isEqualTo("invalid_client");
        }
    }

    /** RFC 9728: the metadata userinfo's challenge names exists and says only what is so. */
    @Test
    void theProtectedResourceMetadataNamedByTheChallengeIsServed() {
        HttpResponse<String> challenge = send("GET", "/userinfo", "*/*");
        String named = challenge.headers().firstValue("WWW-Authenticate").orElseThrow()
                .replaceFirst(".*resource_metadata=\"([^\"]+)\".*", "$1");

        HttpResponse<String> metadata = send("GET", URI.create(named).getPath(), "application/json");
        assertThat(metadata.statusCode()).isEqualTo(200);
        JsonNode claims = HttpBrowser.json(metadata);
        assertThat(claims.get("authorization_servers").values()).extracting(JsonNode::asString)
                .containsExactly("http://localhost:9000");
        assertThat(claims.get("tls_client_certificate_bound_access_tokens").asBoolean()).isFalse();
    }

    private void assertClientAuthenticationRequired(String path, String accept) {
        HttpResponse<String> response = send("POST", path, accept);
        assertThat(response.statusCode()).as("POST %s (%s)", path, accept).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic realm=");
        assertThat(HttpBrowser.json(response).get("error").asString()).isEqualTo("invalid_client");
    }

    private static void assertBearerChallenge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
    }

    private HttpResponse<String> send(String method, String path, String accept) {
        return send(method, path, accept, "application/x-www-form-urlencoded", "token=x");
    }

    private HttpResponse<String> send(String method, String path, String accept, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(this.http.uri(path))
                .header("Content-Type", contentType)
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        try {
            return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
