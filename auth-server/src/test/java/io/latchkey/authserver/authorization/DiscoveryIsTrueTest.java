package io.latchkey.authserver.authorization;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.authserver.FreshAccountHttpTest;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.AuthorizationCodeFlow.Client;
import io.latchkey.testing.HttpBrowser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.latchkey.testing.HttpBrowser.basic;
import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtClaims;
import static io.latchkey.testing.HttpBrowser.jwtHeader;
import static io.latchkey.testing.HttpBrowser.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery says only what is so: for every endpoint, grant type, client authentication
 * method, scope, claim and algorithm either document lists, a request here uses it and
 * succeeds. An entry this test has no such request for fails it, until one is added.
 */
@AuthServerTest
class DiscoveryIsTrueTest extends FreshAccountHttpTest {

    private static final String ISSUER = "http://localhost:9000";
    private static final String ALL_SCOPES = "openid profile email account:read account:write";
    private static final String NONCE = "n-" + AuthorizationCodeFlow.randomToken();

    /** The demo client's sign-in, made once per document: its tokens and what userinfo said. */
    private JsonNode codeFlowTokens;
    private AuthorizationCodeFlow codeFlow;

    @ParameterizedTest
    @ValueSource(strings = { "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server" })
    void everyEntryDiscoveryListsIsProvenByARequestThatUsesIt(String document) {
        JsonNode metadata = json(this.browser.get(document, "Accept", "application/json"));
        List<String> proven = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            switch (name) {
                case "issuer" -> assertThat(value.asString()).isEqualTo(ISSUER);
                case "authorization_endpoint", "token_endpoint" -> assertThat(tokens().get("access_token")).isNotNull();
                case "jwks_uri" -> provesTheKeysVerifyTheTokens(path(value));
                case "userinfo_endpoint" -> assertThat(userInfo(path(value)).get("sub").asString())
                        .isEqualTo(this.account.id().toString());
                case "end_session_endpoint" -> provesSignOut(path(value));
                case "revocation_endpoint", "introspection_endpoint" -> { } // each method below uses them
                case "pushed_authorization_request_endpoint" -> provesPushedRequests(path(value));
                case "response_types_supported" -> each(value, type -> assertThat(type).isEqualTo("code"));
                case "code_challenge_methods_supported" -> each(value, method -> assertThat(method)
                        .as("the code flow's PKCE method").isEqualTo("S256"));
                case "subject_types_supported" -> each(value, type -> provesPublicSubjects(type));
                case "id_token_signing_alg_values_supported" -> each(value, alg -> assertThat(
                        jwtHeader(tokens().get("id_token").asString()).get("alg").asString()).isEqualTo(alg));
                case "scopes_supported" -> each(value, scope -> assertThat(tokens().get("scope").asString().split(" "))
                        .as("granted to the demo client").contains(scope));
                case "claims_supported" -> provesClaims(value);
                case "grant_types_supported" -> each(value, this::provesGrant);
                case "token_endpoint_auth_methods_supported" -> each(value, this::provesTokenEndpointAuthentication);
                case "revocation_endpoint_auth_methods_supported" -> each(value, this::provesRevocationAuthentication);
                case "introspection_endpoint_auth_methods_supported" -> each(value, this::provesIntrospectionAuthentication);
                default -> throw new AssertionError(document + " lists " + name + " (" + value
                        + "), which no request here proves");
            }
            proven.add(name);
        }
        assertThat(proven).contains("authorization_endpoint", "token_endpoint", "grant_types_supported",
                "token_endpoint_auth_methods_supported", "scopes_supported");
    }

    private JsonNode tokens() {
        if (this.codeFlowTokens == null) {
            this.codeFlow = new AuthorizationCodeFlow(this.browser).withAuthorizeParameter("nonce", NONCE);
            String code = this.codeFlow.signInAndApprove(this.account.email(), PASSWORD, ALL_SCOPES);
            this.codeFlowTokens = this.codeFlow.exchange(code);
        }
        return this.codeFlowTokens;
    }

    private JsonNode userInfo(String path) {
        HttpResponse<String> answer = userInfo(path, tokens().get("access_token").asString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer);
    }

    private HttpResponse<String> userInfo(String path, String accessToken) {
        return this.browser.get(path, "Authorization", "Bearer " + accessToken);
    }

    private void provesTheKeysVerifyTheTokens(String path) {
        HttpBrowser.accessTokenDecoder("http://localhost:" + this.port + path).decode(tokens().get("access_token").asString());
        String idTokenKey = jwtHeader(tokens().get("id_token").asString()).get("kid").asString();
        assertThat(json(this.browser.get(path)).get("keys").values()).extracting(key -> key.get("kid").asString())
                .contains(idTokenKey);
    }

    /** RP-initiated logout: a signed-in browser of its own is signed out and sent back to the client. */
    private void provesSignOut(String path) {
        HttpBrowser browser = new HttpBrowser("http://localhost:" + this.port);
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(browser);
        JsonNode tokens = flow.exchange(flow.signInAndApprove(this.account.email(), PASSWORD, "openid"));

        HttpResponse<String> signedOut = browser.get(path + "?id_token_hint=" + tokens.get("id_token").asString()
                + "&post_logout_redirect_uri=http://localhost:8080/&state=bye");

        assertThat(signedOut.statusCode()).as(signedOut.body()).isEqualTo(302);
        assertThat(location(signedOut)).isEqualTo("http://localhost:8080/?state=bye");
        assertThat(location(browser.get(flow.authorizePath("openid"), "Accept", "text/html"))).as("signed out: the next authorization asks to sign in").endsWith("/login");
        assertThat(flow.refresh(tokens.get("refresh_token").asString()).statusCode())
                .as("the grant the ID token came from ended with the session").isEqualTo(400);
        assertThat(userInfo(path.replace("/connect/logout", "/userinfo"), tokens.get("access_token").asString()).statusCode())
                .as("its access token too").isEqualTo(401);
    }

    /** RFC 9126, for the confidential demo client and the public browser app alike. */
    private void provesPushedRequests(String path) {
        assertThat(path).isEqualTo("/oauth2/par");
        for (Client client : List.of(Client.DEMO_CLIENT, Client.DEMO_SPA)) {
            HttpBrowser browser = new HttpBrowser("http://localhost:" + this.port);
            AuthorizationCodeFlow flow = new AuthorizationCodeFlow(browser, client);
            String code = flow.signInAndApprove(flow.pushedAuthorizePath("openid profile"), this.account.email(), PASSWORD,
                    "openid profile");
            assertThat(flow.exchange(code).get("access_token")).as(client.id()).isNotNull();
        }
    }

    /** The same person has the same subject at every client. */
    private void provesPublicSubjects(String type) {
        assertThat(type).isEqualTo("public");
        String atTheDemoClient = jwtClaims(tokens().get("id_token").asString()).get("sub").asString();
        String atTheFirstPartyApp = jwtClaims(json(passwordGrant()).get("id_token").asString()).get("sub").asString();
        assertThat(atTheFirstPartyApp).isEqualTo(atTheDemoClient);
    }

    private void provesClaims(JsonNode listed) {
        Set<String> issued = new HashSet<>();
        jwtClaims(tokens().get("id_token").asString()).properties().forEach(claim -> issued.add(claim.getKey()));
        userInfo("/userinfo").properties().forEach(claim -> issued.add(claim.getKey()));
        assertThat(jwtClaims(tokens().get("id_token").asString()).get("nonce").asString()).isEqualTo(NONCE);
        each(listed, claim -> assertThat(issued).as("an ID token or userinfo carries %s", claim).contains(claim));
    }

    private void provesGrant(String grant) {
        if (grant.equals("authorization_code")) {
            assertThat(tokens().get("id_token")).as("the code flow's exchange").isNotNull();
            return;
        }
        HttpResponse<String> answer = switch (grant) {
            case "refresh_token" -> refresh();
            case "client_credentials" -> clientCredentials("Authorization", basic("service-client", "service-client-secret"));
            case "password" -> passwordGrant();
            default -> throw new AssertionError("Discovery lists the grant " + grant + ", which no request here proves");
        };
        assertThat(answer.statusCode()).as("%s: %s", grant, answer.body()).isEqualTo(200);
        assertThat(json(answer).get("token_type").asString()).isEqualTo("Bearer");
    }

    private HttpResponse<String> refresh() {
        tokens();
        return this.codeFlow.refresh(this.codeFlowTokens.get("refresh_token").asString());
    }

    private void provesTokenEndpointAuthentication(String method) {
        HttpResponse<String> answer = switch (method) {
            case "client_secret_basic" -> clientCredentials("Authorization", basic("service-client", "service-client-secret"));
            case "client_secret_post" -> this.browser.postForm("/oauth2/token", List.of(
                    Map.entry("grant_type", "client_credentials"), Map.entry("client_id", "service-client"),
                    Map.entry("client_secret", "service-client-secret")));
            case "none" -> {
                HttpBrowser browser = new HttpBrowser("http://localhost:" + this.port);
                AuthorizationCodeFlow flow = new AuthorizationCodeFlow(browser, Client.DEMO_SPA);
                String code = flow.signInAndApprove(this.account.email(), PASSWORD, "openid");
                yield flow.exchange(code, flow.verifier());
            }
            default -> throw new AssertionError("Discovery lists " + method + " at the token endpoint, which no request here proves");
        };
        assertThat(answer.statusCode()).as("%s: %s", method, answer.body()).isEqualTo(200);
    }

    private void provesRevocationAuthentication(String method) {
        String token = json(clientCredentials("Authorization", basic("service-client", "service-client-secret")))
                .get("access_token").asString();
        HttpResponse<String> answer = switch (method) {
            case "client_secret_basic" -> this.browser.postForm("/oauth2/revoke", List.of(Map.entry("token", token)),
                    "Authorization", basic("service-client", "service-client-secret"));
            case "client_secret_post" -> this.browser.postForm("/oauth2/revoke", List.of(Map.entry("token", token),
                    Map.entry("client_id", "service-client"), Map.entry("client_secret", "service-client-secret")));
            case "none" -> {
                HttpBrowser browser = new HttpBrowser("http://localhost:" + this.port);
                AuthorizationCodeFlow flow = new AuthorizationCodeFlow(browser, Client.DEMO_SPA);
                JsonNode spaTokens = json(flow.exchange(flow.signInAndApprove(this.account.email(), PASSWORD, "openid"),
                        flow.verifier()));
                token = spaTokens.get("refresh_token").asString();
                yield browser.postForm("/oauth2/revoke", List.of(Map.entry("token", token), Map.entry("client_id", "demo-spa")));
            }
            default -> throw new AssertionError("Discovery lists " + method + " at revocation, which no request here proves");
        };
        assertThat(answer.statusCode()).as("%s: %s", method, answer.body()).isEqualTo(200);
        assertThat(introspect(token, "Authorization", basic("resource-api", "resource-api-secret")).get("active").asBoolean())
                .as("revoked by %s", method).isFalse();
    }

    private void provesIntrospectionAuthentication(String method) {
        String token = tokens().get("access_token").asString();
        JsonNode answer = switch (method) {
            case "client_secret_basic" -> introspect(token, "Authorization", basic("resource-api", "resource-api-secret"));
            case "client_secret_post" -> json(this.browser.postForm("/oauth2/introspect", List.of(Map.entry("token", token),
                    Map.entry("client_id", "resource-api"), Map.entry("client_secret", "resource-api-secret"))));
            default -> throw new AssertionError("Discovery lists " + method + " at introspection, which no request here proves");
        };
        assertThat(answer.get("active").asBoolean()).as(method).isTrue();
    }

    private JsonNode introspect(String token, String... headers) {
        HttpResponse<String> answer = this.browser.postForm("/oauth2/introspect", List.of(Map.entry("token", token)), headers);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer);
    }

    private HttpResponse<String> clientCredentials(String... headers) {
        return this.browser.postForm("/oauth2/token", List.of(Map.entry("grant_type", "client_credentials")), headers);
    }

    private HttpResponse<String> passwordGrant() {
        return this.browser.postForm("/oauth2/token", List.of(Map.entry("grant_type", "password"),
                Map.entry("username", this.account.email()), Map.entry("password", PASSWORD), Map.entry("scope", "openid")),
                "Authorization", basic("first-party", "first-party-secret"));
    }

    private static void each(JsonNode listed, Consumer<String> proof) {
        assertThat(listed.isArray()).isTrue();
        listed.values().forEach(value -> proof.accept(value.asString()));
    }

    private static String path(JsonNode endpoint) {
        return URI.create(endpoint.asString()).getPath();
    }
}
