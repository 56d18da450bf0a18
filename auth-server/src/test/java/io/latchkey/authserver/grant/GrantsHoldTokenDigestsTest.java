package io.latchkey.authserver.grant;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.authserver.FreshAccountHttpTest;
import io.latchkey.store.grant.TokenDigests;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtClaims;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grant rows hold a digest of each token, never the token: a copy of the database gives
 * nothing to present, and presenting a stored digest finds nothing. The tokens work as before.
 */
@AuthServerTest
class GrantsHoldTokenDigestsTest extends FreshAccountHttpTest {

    private static final String FIRST_PARTY = HttpBrowser.basic("first-party", "first-party-secret");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OAuth2AuthorizationService authorizations;

    @Test
    void aSignInStoresDigestsOfItsTokensAndTheyStillRefreshIntrospectAndRevoke() {
        JsonNode signedIn = json(signIn());
        String access = signedIn.get("access_token").asString();
        String refresh = signedIn.get("refresh_token").asString();
        String grantId = jwtClaims(access).get("sid").asString();

        assertThat(row(grantId)).doesNotContain(access).doesNotContain(refresh);
        assertThat(column(grantId, "access_token_value")).isEqualTo(TokenDigests.of(access));
        assertThat(column(grantId, "refresh_token_value")).isEqualTo(TokenDigests.of(refresh));

        HttpResponse<String> refreshed = refresh(refresh);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String rotated = json(refreshed).get("refresh_token").asString();
        assertThat(column(grantId, "refresh_token_value")).isEqualTo(TokenDigests.of(rotated));
        assertThat(introspect(rotated).get("active").asBoolean()).isTrue();

        HttpResponse<String> revoked = this.browser.postForm("/oauth2/revoke", List.of(Map.entry("token", rotated)),
                "Authorization", FIRST_PARTY);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(refresh(rotated).statusCode()).isEqualTo(403);
    }

    @Test
    void aStoredDigestPresentedAsATokenFindsNothing() {
        JsonNode signedIn = json(signIn());
        String grantId = jwtClaims(signedIn.get("access_token").asString()).get("sid").asString();
        String storedRefresh = column(grantId, "refresh_token_value");

        assertThat(refresh(storedRefresh).statusCode()).isEqualTo(403);
        assertThat(introspect(storedRefresh).get("active").asBoolean()).isFalse();
        assertThat(refresh(signedIn.get("refresh_token").asString()).statusCode())
                .as("the real refresh token still works").isEqualTo(200);
    }

    @Test
    void theCodeFlowStoresDigestsOfTheCodeAndOfEveryTokenItIssues() {
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.browser);
        String code = flow.signInAndApprove(this.account.email(), PASSWORD, "openid profile account:read");
        assertThat(this.jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE authorization_code_value = ?")
                .param(TokenDigests.of(code)).query(Long.class).single()).isEqualTo(1);

        JsonNode tokens = flow.exchange(code);
        String grantId = jwtClaims(tokens.get("access_token").asString()).get("sid").asString();
        assertThat(row(grantId)).doesNotContain(code)
                .doesNotContain(tokens.get("access_token").asString())
                .doesNotContain(tokens.get("refresh_token").asString())
                .doesNotContain(tokens.get("id_token").asString());
        assertThat(column(grantId, "oidc_id_token_value")).isEqualTo(TokenDigests.of(tokens.get("id_token").asString()));
        assertThat(flow.exchange(code, flow.verifier()).statusCode()).as("the code is still single-use").isEqualTo(400);
    }

    @Test
    void aGrantFoundByOneTokenAndSavedAgainKeepsTheDigestsOfTheOthers() {
        JsonNode signedIn = json(signIn());
        String access = signedIn.get("access_token").asString();
        String refresh = signedIn.get("refresh_token").asString();

        OAuth2Authorization found = this.authorizations.findByToken(refresh, OAuth2TokenType.REFRESH_TOKEN);
        assertThat(found.getRefreshToken().getToken().getTokenValue()).as("the presented token, as presented").isEqualTo(refresh);
        assertThat(found.getAccessToken().getToken().getTokenValue()).isEqualTo(TokenDigests.of(access));
        this.authorizations.save(found);

        assertThat(column(found.getId(), "access_token_value")).as("not a digest of the digest").isEqualTo(TokenDigests.of(access));
        assertThat(this.authorizations.findByToken(access, OAuth2TokenType.ACCESS_TOKEN)).isNotNull();
        assertThat(this.authorizations.findByToken(refresh, null).getId()).isEqualTo(found.getId());
    }

    private HttpResponse<String> signIn() {
        HttpResponse<String> response = this.browser.postJson("/api/auth/login",
                JsonBody.of("email", this.account.email(), "password", PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return this.browser.postJson("/api/auth/refresh", JsonBody.of("refresh_token", refreshToken));
    }

    private JsonNode introspect(String token) {
        HttpResponse<String> response = this.browser.postForm("/oauth2/introspect", List.of(Map.entry("token", token)),
                "Authorization", FIRST_PARTY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private String row(String grantId) {
        return this.jdbc.sql("SELECT t::text FROM oauth2_authorization t WHERE id = ?").param(grantId).query(String.class).single();
    }

    private String column(String grantId, String column) {
        return this.jdbc.sql("SELECT " + column + " FROM oauth2_authorization WHERE id = ?").param(grantId)
                .query(String.class).single();
    }
}
