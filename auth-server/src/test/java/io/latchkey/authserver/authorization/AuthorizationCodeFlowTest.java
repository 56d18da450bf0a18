package io.latchkey.authserver.authorization;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.authserver.FreshAccountHttpTest;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.HttpBrowser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtClaims;
import static io.latchkey.testing.HttpBrowser.jwtHeader;
import static io.latchkey.testing.HttpBrowser.location;
import static io.latchkey.testing.HttpBrowser.queryParam;
import static org.assertj.core.api.Assertions.assertThat;

@AuthServerTest
class AuthorizationCodeFlowTest extends FreshAccountHttpTest {

    private static final String SCOPE = "openid profile email account:read";

    @Test
    void theTokensOfAPkceCodeFlowRefreshAndWorkAtUserInfoUntilARefreshTokenIsReused() {
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.browser);
        String code = flow.signInAndApprove(this.account.email(), PASSWORD, SCOPE);
        JsonNode tokens = flow.exchange(code);

        String accessToken = tokens.get("access_token").asString();
        assertThat(jwtHeader(accessToken).get("typ").asString()).isEqualTo("at+jwt");
        assertThat(jwtHeader(accessToken).get("alg").asString()).isEqualTo("RS256");
        JsonNode claims = jwtClaims(accessToken);
        assertThat(claims.get("sub").asString()).isEqualTo(this.account.id().toString());
        assertThat(claims.get("iss").asString()).isEqualTo("http://localhost:9000");
        assertThat(HttpBrowser.strings(claims.get("aud"))).containsExactly("latchkey-api");
        assertThat(claims.get("client_id").asString()).isEqualTo("demo-client");
        assertThat(claims.get("roles").values()).extracting(JsonNode::asString).containsExactly("user");
        assertThat(claims.get("scope").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("openid", "profile", "email", "account:read");
        assertThat(claims.get("sid").asString()).isNotBlank();
        assertThat(claims.get("jti").asString()).isNotBlank();
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(15 * 60);
        JsonNode idToken = jwtClaims(tokens.get("id_token").asString());
        assertThat(idToken.get("sub").asString()).isEqualTo(this.account.id().toString());
        assertThat(idToken.get("email").asString()).isEqualTo(this.account.email());
        assertThat(idToken.get("name").asString()).isEqualTo("Ada Lovelace");

        HttpResponse<String> refreshed = refresh(tokens.get("refresh_token").asString());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode rotated = json(refreshed);
        assertThat(rotated.get("refresh_token").asString()).isNotEqualTo(tokens.get("refresh_token").asString());
        assertThat(jwtClaims(rotated.get("access_token").asString()).get("sid").asString())
                .as("a refreshed token belongs to the same grant").isEqualTo(claims.get("sid").asString());

        HttpResponse<String> userInfo = this.browser.get("/userinfo",
                "Authorization", "Bearer " + rotated.get("access_token").asString(), "Accept", "application/json");
        assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
        JsonNode profile = json(userInfo);
        assertThat(profile.get("sub").asString()).isEqualTo(this.account.id().toString());
        assertThat(profile.get("email").asString()).isEqualTo(this.account.email());
        assertThat(profile.get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(profile.get("updated_at").isNumber()).isTrue();

        HttpResponse<String> reuse = refresh(tokens.get("refresh_token").asString());
        assertThat(reuse.statusCode()).as("the rotated-out refresh token no longer works").isEqualTo(400);
        assertThat(json(reuse).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(this.browser.get("/userinfo", "Authorization", "Bearer " + rotated.get("access_token").asString(),
                "Accept", "application/json").statusCode())
                .as("presenting it again was reuse: the whole grant died").isEqualTo(401);
    }

    private int userInfoStatus(String accessToken) {
        return this.browser.get("/userinfo", "Authorization", "Bearer " + accessToken, "Accept", "application/json")
                .statusCode();
    }

    @Test
    void aWrongCodeVerifierIsInvalidGrant() {
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.browser);
        String code = flow.signInAndApprove(this.account.email(), PASSWORD, SCOPE);

        HttpResponse<String> response = flow.exchange(code, AuthorizationCodeFlow.randomToken());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void aCodeUsedTwiceFailsTheSecondExchange() {
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.browser);
        String code = flow.signInAndApprove(this.account.email(), PASSWORD, SCOPE);
        flow.exchange(code);

        HttpResponse<String> again = flow.exchange(code, "unused");

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).get("error").asString()).isEqualTo("invalid_grant");
    }

    /** RFC 6749 section 4.1.2: a code used twice revokes the tokens it was exchanged for. */
    @Test
    void aRedeemedCodePresentedAgainRevokesTheTokensItGave() {
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.browser);
        String code = flow.signInAndApprove(this.account.email(), PASSWORD, SCOPE);
        JsonNode tokens = flow.exchange(code);
        String accessToken = tokens.get("access_token").asString();
        assertThat(userInfoStatus(accessToken)).isEqualTo(200);

        HttpResponse<String> replay = flow.exchange(code, flow.verifier());

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(json(replay).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(userInfoStatus(accessToken)).as("the access token the code gave is denied").isEqualTo(401);
        HttpResponse<String> refreshed = refresh(tokens.get("refresh_token").asString());
        assertThat(refreshed.statusCode()).as("and so is its refresh token").isEqualTo(400);
        assertThat(json(refreshed).get("error").asString()).isEqualTo("invalid_grant");
    }

    /** Spring stores an authorization request's extra parameters; a repeated one is an array. */
    @Test
    void anAuthorizationRequestRepeatingAnExtraParameterStillCompletesTheFlow() {
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.browser)
                .withAuthorizeParameter("ui_locales", "en").withAuthorizeParameter("ui_locales", "fr");

        String code = flow.signInAndApprove(this.account.email(), PASSWORD, SCOPE);

        assertThat(flow.exchange(code).get("access_token").asString()).isNotBlank();
    }

    @Test
    void aPublicClientOmittingPkceIsRefusedAuthorization() {
        HttpResponse<String> response = this.browser.get("/oauth2/authorize?response_type=code&client_id=demo-spa"
                + "&redirect_uri=http://localhost:5173/callback&scope=openid&state=s1");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(queryParam(location(response), "error")).isEqualTo("invalid_request");
    }

    @Test
    void aWrongPasswordShowsTheLoginErrorAndStartsNoSession() {
        HttpResponse<String> loginPage = this.browser.get("/login");
        HttpResponse<String> signIn = this.browser.postForm("/login", List.of(
                Map.entry("username", this.account.email()),
                Map.entry("password", "wrong password"),
                Map.entry("_csrf", HttpBrowser.inputValue(loginPage.body(), "_csrf"))));

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(location(signIn)).endsWith("/login?error");
        assertThat(this.browser.get(location(signIn)).body()).contains("Invalid email or password.");
        assertThat(this.browser.get("/").statusCode()).as("still signed out").isEqualTo(302);
    }

    @Test
    void anEmailInOtherCaseSignsInToTheSameAccount() {
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.browser);
        String code = flow.signInAndApprove("  " + this.account.email().toUpperCase() + " ", PASSWORD, SCOPE);

        String accessToken = flow.exchange(code).get("access_token").asString();

        assertThat(jwtClaims(accessToken).get("sub").asString()).isEqualTo(this.account.id().toString());
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return this.browser.postForm("/oauth2/token", List.of(
                Map.entry("grant_type", "refresh_token"),
                Map.entry("refresh_token", refreshToken)),
                "Authorization", HttpBrowser.basic("demo-client", "demo-client-secret"));
    }
}
