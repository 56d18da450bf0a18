package io.latchkey.authserver.firstparty;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.testing.HttpBrowser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtClaims;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code password} grant the JSON API signs in with, on {@code /oauth2/token}: first-party clients only. */
@AuthServerTest
class PasswordGrantTest extends FirstPartyApiTest {

    @Test
    void passwordGrantWorksOnTheTokenEndpointForFirstPartyClientsOnly() {
        register(this.email, PASSWORD, PASSWORD);
        List<Map.Entry<String, String>> form = List.of(Map.entry("grant_type", "password"),
                Map.entry("username", this.email), Map.entry("password", PASSWORD), Map.entry("scope", "account:read"));

        HttpResponse<String> firstParty = this.http.postForm("/oauth2/token", form,
                "Authorization", HttpBrowser.basic("first-party", "first-party-secret"));
        assertThat(firstParty.statusCode()).as(firstParty.body()).isEqualTo(200);
        assertThat(jwtClaims(json(firstParty).get("access_token").asString()).get("scope").values())
                .extracting(JsonNode::asString).containsExactly("account:read");

        HttpResponse<String> thirdParty = this.http.postForm("/oauth2/token", form,
                "Authorization", HttpBrowser.basic("demo-client", "demo-client-secret"));
        assertThat(thirdParty.statusCode()).isEqualTo(400);
        assertThat(json(thirdParty).get("error").asString()).isEqualTo("unauthorized_client");
    }

    @Test
    void passwordGrantWithOpenidScopeIssuesAnIdTokenAndUserinfoAnswers() {
        register(this.email, PASSWORD, PASSWORD);
        HttpResponse<String> tokens = passwordGrant("openid email");
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode idToken = jwtClaims(json(tokens).get("id_token").asString());
        JsonNode accessToken = jwtClaims(json(tokens).get("access_token").asString());
        assertThat(HttpBrowser.strings(idToken.get("aud"))).containsExactly("first-party");
        assertThat(idToken.get("sub").asString()).isEqualTo(accessToken.get("sub").asString());

        HttpResponse<String> userinfo = this.http.get("/userinfo", "Accept", "application/json",
                "Authorization", "Bearer " + json(tokens).get("access_token").asString());

        assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
        assertThat(json(userinfo).get("email").asString()).isEqualTo(this.email);
    }

    @Test
    void passwordGrantWithoutOpenidScopeIssuesNoIdToken() {
        register(this.email, PASSWORD, PASSWORD);
        HttpResponse<String> tokens = passwordGrant("account:read");

        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(json(tokens).has("id_token")).isFalse();
    }

    private HttpResponse<String> passwordGrant(String scope) {
        return this.http.postForm("/oauth2/token", List.of(Map.entry("grant_type", "password"),
                Map.entry("username", this.email), Map.entry("password", PASSWORD), Map.entry("scope", scope)),
                "Authorization", HttpBrowser.basic("first-party", "first-party-secret"));
    }
}
