package io.latchkey.authserver.revocation;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.store.account.Account;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.Role;
import io.latchkey.store.revocation.RevocationStore;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.TestEmails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.latchkey.testing.HttpBrowser.basic;
import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtClaims;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Introspection and userinfo judge an access token from the token itself (signature,
 * type, issuer, expiry) and the revocation store, without reading its grant: every
 * way a token dies must still show.
 */
@AuthServerTest
class AccessTokensJudgedFromThemselvesTest {

    private static final String PASSWORD = "a long enough password";
    private static final String FIRST_PARTY = basic("first-party", "first-party-secret");
    private static final String INTROSPECTOR = basic("resource-api", "resource-api-secret");

    @LocalServerPort
    int port;

    @Autowired
    AccountRepository accounts;

    @Autowired
    RevocationStore revocations;

    HttpBrowser http;
    Account account;

    @BeforeEach
    void setUp() {
        this.http = new HttpBrowser("http://localhost:" + this.port);
        String email = TestEmails.unique("judged");
        this.account = this.accounts.create(email, "Judged Person", PASSWORD, Role.USER);
    }

    @Test
    void introspectionOfAnAccessTokenAnswersItsOwnClaims() {
        JsonNode tokens = signIn("openid account:read");
        String accessToken = tokens.get("access_token").asString();
        JsonNode claims = jwtClaims(accessToken);

        JsonNode introspection = introspect(accessToken);

        assertThat(introspection.get("active").asBoolean()).isTrue();
        assertThat(introspection.get("sub").asString()).isEqualTo(this.account.id().toString());
        assertThat(introspection.get("client_id").asString()).isEqualTo("first-party");
        assertThat(introspection.get("scope").asString().split(" ")).containsExactlyInAnyOrder("openid", "account:read");
        assertThat(introspection.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(introspection.get("iss").asString()).isEqualTo("http://localhost:9000");
        assertThat(HttpBrowser.strings(introspection.get("aud"))).containsExactly("latchkey-api");
        assertThat(introspection.get("jti").asString()).isEqualTo(claims.get("jti").asString());
        assertThat(introspection.get("sid").asString()).isEqualTo(claims.get("sid").asString());
        assertThat(introspection.get("exp").asLong()).isEqualTo(claims.get("exp").asLong());
        assertThat(introspection.get("iat").asLong()).isEqualTo(claims.get("iat").asLong());
    }

    @Test
    void aForgedOrUnsignedAccessTokenIsInactiveAndRefusedByUserinfo() {
        String accessToken = signIn("openid account:read").get("access_token").asString();
        String[] parts = accessToken.split("\\.");
        String otherSubject = encode(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(this.account.id().toString(), "00000000-0000-0000-0000-000000000000"));
        String tampered = parts[0] + "." + otherSubject + "." + parts[2];
        String unsigned = encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + parts[1] + ".";

        for (String forged : List.of(tampered, unsigned, parts[0] + "." + parts[1] + ".c2lnbmF0dXJl")) {
            assertThat(introspect(forged).get("active").asBoolean()).as(forged).isFalse();
            assertThat(userinfo(forged).statusCode()).as(forged).isEqualTo(401);
        }
        assertThat(introspect(accessToken).get("active").asBoolean()).as("the genuine token").isTrue();
    }

    @Test
    void aRevokedAccessTokenIsInactiveAndRefusedByUserinfo() {
        String accessToken = signIn("openid profile").get("access_token").asString();
        assertThat(userinfo(accessToken).statusCode()).isEqualTo(200);

        assertThat(revoke(accessToken, FIRST_PARTY).statusCode()).isEqualTo(200);

        assertThat(introspect(accessToken).get("active").asBoolean()).isFalse();
        assertThat(userinfo(accessToken).statusCode()).isEqualTo(401);
    }

    @Test
    void anAccessTokenReplacedByARefreshStaysActiveUntilItsClientRevokesIt() {
        JsonNode tokens = signIn("openid account:read");
        String replaced = tokens.get("access_token").asString();
        HttpResponse<String> refreshed = this.http.postForm("/oauth2/token", List.of(Map.entry("grant_type", "refresh_token"),
                Map.entry("refresh_token", tokens.get("refresh_token").asString())), "Authorization", FIRST_PARTY);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(introspect(replaced).get("active").asBoolean()).as("as resource-api judges it").isTrue();

        revoke(replaced, basic("service-client", "service-client-secret"));
        assertThat(introspect(replaced).get("active").asBoolean()).as("another client cannot revoke it").isTrue();

        assertThat(revoke(replaced, FIRST_PARTY).statusCode()).isEqualTo(200);
        assertThat(introspect(replaced).get("active").asBoolean()).isFalse();
        assertThat(userinfo(replaced).statusCode()).isEqualTo(401);
        assertThat(introspect(json(refreshed).get("access_token").asString()).get("active").asBoolean())
                .as("the new access token lives on").isTrue();
    }

    @Test
    void tokensOfAUserSignedOutEverywhereAreInactiveAndRefusedByUserinfo() throws InterruptedException {
        String accessToken = signIn("openid email").get("access_token").asString();
        assertThat(userinfo(accessToken).statusCode()).isEqualTo(200);
        // NOTE: iat has whole seconds; a denial covers tokens issued in an earlier second.
        Thread.sleep(1100);

        this.revocations.denyUserTokensIssuedBefore(this.account.id());

        assertThat(introspect(accessToken).get("active").asBoolean()).isFalse();
        assertThat(userinfo(accessToken).statusCode()).isEqualTo(401);
    }

    @Test
    void theTokenOfADeletedAccountIsRefusedByUserinfo() {
        String accessToken = signIn("openid email").get("access_token").asString();

        this.accounts.delete(this.account.id());

        assertThat(userinfo(accessToken).statusCode()).isEqualTo(401);
    }

    @Test
    void userinfoNeedsOpenidScopeAndAUser() {
        HttpResponse<String> withoutOpenid = userinfo(signIn("account:read").get("access_token").asString());
        assertThat(withoutOpenid.statusCode()).isEqualTo(403);
        assertThat(json(withoutOpenid).get("error").asString()).isEqualTo("insufficient_scope");

        HttpResponse<String> clientToken = this.http.postForm("/oauth2/token",
                List.of(Map.entry("grant_type", "client_credentials"), Map.entry("scope", "account:read")),
                "Authorization", basic("service-client", "service-client-secret"));
        assertThat(userinfo(json(clientToken).get("access_token").asString()).statusCode())
                .as("a client's own token has no openid scope").isEqualTo(403);
    }

    @Test
    void refreshTokensAreStillIntrospectedFromTheirGrant() {
        JsonNode tokens = signIn("account:read");
        String refreshToken = tokens.get("refresh_token").asString();
        assertThat(introspect(refreshToken).get("active").asBoolean()).isTrue();

        this.http.postForm("/oauth2/token", List.of(Map.entry("grant_type", "refresh_token"),
                Map.entry("refresh_token", refreshToken)), "Authorization", FIRST_PARTY);

        assertThat(introspect(refreshToken).get("active").asBoolean()).as("rotated out").isFalse();
    }

    private JsonNode signIn(String scope) {
        HttpResponse<String> response = this.http.postForm("/oauth2/token", List.of(Map.entry("grant_type", "password"),
                Map.entry("username", this.account.email()), Map.entry("password", PASSWORD), Map.entry("scope", scope)),
                "Authorization", FIRST_PARTY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private JsonNode introspect(String token) {
        HttpResponse<String> response = this.http.postForm("/oauth2/introspect", List.of(Map.entry("token", token)),
                "Authorization", INTROSPECTOR);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private HttpResponse<String> userinfo(String accessToken) {
        return this.http.get("/userinfo", "Accept", "application/json", "Authorization", "Bearer " + accessToken);
    }

    private HttpResponse<String> revoke(String token, String client) {
        return this.http.postForm("/oauth2/revoke", List.of(Map.entry("token", token)), "Authorization", client);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
