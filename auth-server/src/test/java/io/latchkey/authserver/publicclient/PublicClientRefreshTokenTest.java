package io.latchkey.authserver.publicclient;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.authserver.FreshAccountHttpTest;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.AuthorizationCodeFlow.Client;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.latchkey.testing.HttpBrowser.basic;
import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtClaims;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * the local profile's {@code demo-spa}: a public client gets rotated refresh tokens, which it redeems
 * and revokes with its {@code client_id} alone, and which no other client can use.
 */
@AuthServerTest
class PublicClientRefreshTokenTest extends FreshAccountHttpTest {

    private static final String SCOPE = "openid profile account:read";

    @Test
    void aPublicClientsRefreshTokensRotateUntilReusingAnOldOneEndsTheGrant() {
        AuthorizationCodeFlow spa = new AuthorizationCodeFlow(this.browser, Client.DEMO_SPA);
        JsonNode tokens = signIn(spa);
        String first = tokens.get("refresh_token").asString();
        assertThat(first).hasSizeGreaterThanOrEqualTo(128);

        HttpResponse<String> refreshed = spa.refresh(first);

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode rotated = json(refreshed);
        String second = rotated.get("refresh_token").asString();
        assertThat(second).isNotEqualTo(first);
        String accessToken = rotated.get("access_token").asString();
        assertThat(jwtClaims(accessToken).get("client_id").asString()).isEqualTo("demo-spa");
        assertThat(jwtClaims(accessToken).get("sid").asString())
                .isEqualTo(jwtClaims(tokens.get("access_token").asString()).get("sid").asString());
        assertThat(userInfoStatus(accessToken)).isEqualTo(200);

        HttpResponse<String> reuse = spa.refresh(first);
        assertThat(reuse.statusCode()).as(reuse.body()).isEqualTo(400);
        assertThat(json(reuse).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(spa.refresh(second).statusCode()).as("reuse revoked the whole grant").isEqualTo(400);
        assertThat(userInfoStatus(accessToken)).isEqualTo(401);
    }

    /** RFC 6749 section 5.2: 400, since no authentication was attempted (401 answers a failed one). */
    @Test
    void aPublicClientsRefreshWithoutClientIdIs400InvalidClient() {
        String refreshToken = signInWith(Client.DEMO_SPA).get("refresh_token").asString();

        HttpResponse<String> response = tokenRequest(List.of(
                Map.entry("grant_type", "refresh_token"), Map.entry("refresh_token", refreshToken)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void anUnknownOrRepeatedClientIdIsRefusedWithoutSpendingTheToken() {
        String refreshToken = signInWith(Client.DEMO_SPA).get("refresh_token").asString();

        HttpResponse<String> unknown = refreshAs("no-such-client", refreshToken);
        HttpResponse<String> repeated = tokenRequest(List.of(Map.entry("grant_type", "refresh_token"),
                Map.entry("refresh_token", refreshToken),
                Map.entry("client_id", "demo-spa"), Map.entry("client_id", "demo-spa")));

        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(401);
        assertThat(json(unknown).get("error").asString()).isEqualTo("invalid_client");
        assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(400);
        assertThat(json(repeated).get("error").asString()).isEqualTo("invalid_request");
        assertThat(refreshAs("demo-spa", refreshToken).statusCode()).as("neither spent the token").isEqualTo(200);
    }

    @Test
    void aConfidentialClientSendingOnlyItsClientIdIsInvalidClientAndSpendsNoToken() {
        AuthorizationCodeFlow confidential = new AuthorizationCodeFlow(this.browser, Client.DEMO_CLIENT);
        String refreshToken = signIn(confidential).get("refresh_token").asString();

        HttpResponse<String> withoutSecret = refreshAs("demo-client", refreshToken);

        assertThat(withoutSecret.statusCode()).as(withoutSecret.body()).isEqualTo(401);
        assertThat(json(withoutSecret).get("error").asString()).isEqualTo("invalid_client");
        assertThat(confidential.refresh(refreshToken).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherClientsRefreshTokenPresentedByAPublicClientIsInvalidGrantAndUnspent() {
        AuthorizationCodeFlow confidential = new AuthorizationCodeFlow(this.browser, Client.DEMO_CLIENT);
        String refreshToken = signIn(confidential).get("refresh_token").asString();

        HttpResponse<String> stolen = refreshAs("demo-spa", refreshToken);

        assertThat(stolen.statusCode()).as(stolen.body()).isEqualTo(400);
        assertThat(json(stolen).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(confidential.refresh(refreshToken).statusCode()).as("not counted as reuse").isEqualTo(200);
    }

    @Test
    void aRefreshTokenItsPublicClientRevokedNoLongerRefreshes() {
        String refreshToken = signInWith(Client.DEMO_SPA).get("refresh_token").asString();

        HttpResponse<String> revoked = this.browser.postForm("/oauth2/revoke", List.of(
                Map.entry("token", refreshToken), Map.entry("token_type_hint", "refresh_token"),
                Map.entry("client_id", "demo-spa")));

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        HttpResponse<String> refresh = refreshAs("demo-spa", refreshToken);
        assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(400);
        assertThat(json(refresh).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void aPublicClientRevokingAnotherClientsTokenIsRefusedAndTheTokenLives() {
        AuthorizationCodeFlow confidential = new AuthorizationCodeFlow(this.browser, Client.DEMO_CLIENT);
        String refreshToken = signIn(confidential).get("refresh_token").asString();

        HttpResponse<String> revoke = this.browser.postForm("/oauth2/revoke", List.of(
                Map.entry("token", refreshToken), Map.entry("client_id", "demo-spa")));

        assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(400);
        assertThat(json(revoke).get("error").asString()).isEqualTo("invalid_client");
        assertThat(confidential.refresh(refreshToken).statusCode()).isEqualTo(200);
    }

    @Test
    void aPublicClientTryingIntrospectionOrClientCredentialsIsInvalidClient() {
        String accessToken = signInWith(Client.DEMO_SPA).get("access_token").asString();

        HttpResponse<String> introspection = this.browser.postForm("/oauth2/introspect", List.of(
                Map.entry("token", accessToken), Map.entry("client_id", "demo-spa")));
        HttpResponse<String> clientCredentials = tokenRequest(List.of(
                Map.entry("grant_type", "client_credentials"), Map.entry("client_id", "demo-spa")));

        assertThat(introspection.statusCode()).as(introspection.body()).isEqualTo(400);
        assertThat(json(introspection).get("error").asString()).isEqualTo("invalid_client");
        assertThat(clientCredentials.statusCode()).as(clientCredentials.body()).isEqualTo(400);
        assertThat(json(clientCredentials).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void aConfidentialClientRevokingWithItsSecretIsStillAccepted() {
        AuthorizationCodeFlow confidential = new AuthorizationCodeFlow(this.browser, Client.DEMO_CLIENT);
        String refreshToken = signIn(confidential).get("refresh_token").asString();

        HttpResponse<String> revoke = this.browser.postForm("/oauth2/revoke", List.of(
                Map.entry("token", refreshToken), Map.entry("client_id", "demo-client")),
                "Authorization", basic("demo-client", "demo-client-secret"));

        assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(200);
        assertThat(confidential.refresh(refreshToken).statusCode()).isEqualTo(400);
    }

    private JsonNode signInWith(Client client) {
        return signIn(new AuthorizationCodeFlow(this.browser, client));
    }

    private JsonNode signIn(AuthorizationCodeFlow flow) {
        return flow.exchange(flow.signInAndApprove(this.account.email(), PASSWORD, SCOPE));
    }

    private HttpResponse<String> refreshAs(String clientId, String refreshToken) {
        return tokenRequest(List.of(Map.entry("grant_type", "refresh_token"),
                Map.entry("refresh_token", refreshToken), Map.entry("client_id", clientId)));
    }

    private HttpResponse<String> tokenRequest(List<Map.Entry<String, String>> fields) {
        return this.browser.postForm("/oauth2/token", fields);
    }

    private int userInfoStatus(String accessToken) {
        return this.browser.get("/userinfo", "Authorization", "Bearer " + accessToken, "Accept", "application/json")
                .statusCode();
    }
}
