package io.latchkey.authserver.firstparty;

import java.net.http.HttpResponse;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtClaims;
import static io.latchkey.testing.HttpBrowser.jwtHeader;
import static io.latchkey.testing.HttpBrowser.setCookie;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/auth/login} and {@code /refresh}: OAuth tokens in the body and in cookies, rotated, audited. */
@AuthServerTest
class FirstPartySignInTest extends FirstPartyApiTest {

    @Test
    void loginIssuesOAuthTokensInTheBodyAndInCookies() {
        register(this.email, PASSWORD, PASSWORD);

        HttpResponse<String> response = login(this.email, PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode tokens = json(response);
        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isBetween(890L, 900L);
        assertThat(tokens.get("scope").asString().split(" ")).containsExactlyInAnyOrder("account:read", "account:write");
        String access = tokens.get("access_token").asString();
        assertThat(jwtHeader(access).get("typ").asString()).isEqualTo("at+jwt");
        assertThat(jwtClaims(access).get("client_id").asString()).isEqualTo("first-party");
        assertThat(jwtClaims(access).get("sid").asString()).isNotBlank();
        assertThat(HttpBrowser.strings(jwtClaims(access).get("aud"))).containsExactly("latchkey-api");

        assertThat(setCookie(response, "access_token")).contains(access).contains("HttpOnly").contains("SameSite=Lax")
                .contains("Path=/").doesNotContain("Secure");
        assertThat(setCookie(response, "refresh_token")).contains(tokens.get("refresh_token").asString())
                .contains("HttpOnly").contains("SameSite=Lax").contains("Path=/api/auth");
        assertThat(setCookie(response, "logged_in")).contains("logged_in=true").doesNotContain("HttpOnly");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        register(this.email, PASSWORD, PASSWORD);

        HttpResponse<String> wrongPassword = login(this.email, "not the password");
        HttpResponse<String> unknownEmail = login("nobody-" + this.email, PASSWORD);

        assertThat(wrongPassword.statusCode()).isEqualTo(400);
        assertThat(unknownEmail.statusCode()).isEqualTo(400);
        assertThat(json(wrongPassword).get("detail").asString()).isEqualTo("Invalid email or password")
                .isEqualTo(json(unknownEmail).get("detail").asString());
        assertThat(login(this.email, "").statusCode()).as("missing fields").isEqualTo(400);
    }

    @Test
    void refreshAcceptsTheTokenFromBodyCookieOrBearerAndRotatesIt() {
        register(this.email, PASSWORD, PASSWORD);
        JsonNode first = json(login(this.email, PASSWORD));

        HttpResponse<String> byBody = this.http.postJson("/api/auth/refresh",
                JsonBody.of("refresh_token", first.get("refresh_token").asString()));
        assertThat(byBody.statusCode()).isEqualTo(200);
        String second = json(byBody).get("refresh_token").asString();
        JsonNode before = jwtClaims(first.get("access_token").asString());
        JsonNode after = jwtClaims(json(byBody).get("access_token").asString());
        assertThat(after.get("sub").asString()).isEqualTo(before.get("sub").asString());
        assertThat(after.get("roles")).as("roles come from the grant's stored principal").isEqualTo(before.get("roles"));
        assertThat(after.get("roles").values()).extracting(JsonNode::asString).containsExactly("user");

        HttpResponse<String> byBearer = this.http.postJson("/api/auth/refresh", null, "Authorization", "Bearer " + second);
        assertThat(byBearer.statusCode()).isEqualTo(200);
        String third = json(byBearer).get("refresh_token").asString();

        HttpResponse<String> byCookie = this.http.postJson("/api/auth/refresh", null, "Cookie", "refresh_token=" + third);
        assertThat(byCookie.statusCode()).isEqualTo(200);
        assertThat(setCookie(byCookie, "refresh_token")).contains(json(byCookie).get("refresh_token").asString());

        HttpBrowser withoutCookies = new HttpBrowser("http://localhost:" + this.port);
        assertThat(withoutCookies.postJson("/api/auth/refresh", null).statusCode()).as("missing").isEqualTo(401);
        assertThat(this.http.postJson("/api/auth/refresh", JsonBody.of("refresh_token", "made-up")).statusCode())
                .as("invalid").isEqualTo(403);
        assertThat(this.http.postJson("/api/auth/refresh", JsonBody.of("refresh_token", second)).statusCode())
                .as("reused").isEqualTo(403);
        assertThat(this.http.postJson("/api/auth/refresh",
                JsonBody.of("refresh_token", json(byCookie).get("refresh_token").asString())).statusCode())
                .as("reuse killed the grant, newest token included").isEqualTo(403);
    }

    @Test
    void auditTrailRecordsRegistrationAndLogins() {
        HttpResponse<String> registered = register(this.email, PASSWORD, PASSWORD);
        java.util.UUID id = java.util.UUID.fromString(json(registered).get("id").asString());
        login(this.email, PASSWORD);

        assertThat(this.audit.findByType("account.registered")).anySatisfy(event -> assertThat(event.accountId()).isEqualTo(id));
        assertThat(this.audit.findByType("login.succeeded")).anySatisfy(event -> {
            assertThat(event.accountId()).isEqualTo(id);
            assertThat(event.clientId()).isEqualTo("first-party");
        });
    }
}
