package io.latchkey.authserver.firstparty;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtClaims;
import static io.latchkey.testing.HttpBrowser.jwtHeader;
import static io.latchkey.testing.HttpBrowser.setCookie;
import static org.assertj.core.api.Assertions.assertThat;

@AuthServerTest
class FirstPartyAuthApiTest {

    private static final String PASSWORD = "a good long password";

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    HttpBrowser http;
    String email;

    @BeforeEach
    void setUp() {
        this.http = new HttpBrowser("http://localhost:" + this.port);
        this.email = "api-" + AuthorizationCodeFlow.randomToken().substring(0, 10).toLowerCase().replaceAll("[^a-z0-9]", "x")
                + "@example.com";
    }

    @Test
    void registerCreatesTheAccountAndNeverReturnsTheHash() {
        HttpResponse<String> response = register(this.email, PASSWORD, PASSWORD);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode user = json(response);
        assertThat(user.get("email").asString()).isEqualTo(this.email);
        assertThat(user.get("name").asString()).isEqualTo("Api User");
        assertThat(user.get("role").asString()).isEqualTo("user");
        assertThat(response.body()).doesNotContain("argon2").doesNotContainIgnoringCase("password");
    }

    @Test
    void aPasswordThatIsNotValidUnicodeIsAFieldErrorNeverA500() {
        // NOTE: literal JSON: the escape spells a lone surrogate, which no JSON writer would send.
        HttpResponse<String> signUp = this.http.postJson("/api/auth/register", "{\"name\":\"Api User\",\"email\":\""
                + this.email + "\",\"password\":\"\\ud800abcdefgh\",\"passwordConfirm\":\"\\ud800abcdefgh\"}");
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(400);
        assertThat(json(signUp).get("errors").get(0).get("field").asString()).isEqualTo("password");

        register(this.email, PASSWORD, PASSWORD);
        HttpResponse<String> signIn = this.http.postJson("/api/auth/login",
                "{\"email\":\"" + this.email + "\",\"password\":\"\\udfff" + PASSWORD + "\"}");
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(400);
        assertThat(login(this.email, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void registerWithTheSameEmailInOtherCaseIsAConflict() {
        register(this.email, PASSWORD, PASSWORD);

        HttpResponse<String> again = register("  " + this.email.toUpperCase() + " ", PASSWORD, PASSWORD);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void registerValidatesEveryField() {
        HttpResponse<String> response = this.http.postJson("/api/auth/register",
                JsonBody.of("name", " ", "email", "nope", "password", "short", "passwordConfirm", "short"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("title").asString()).isEqualTo("Validation failed");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").values()).extracting(error -> error.get("field").asString())
                .contains("name", "email", "password");

        HttpResponse<String> mismatch = register(this.email, PASSWORD, PASSWORD + "!");
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(json(mismatch).get("errors").get(0).get("field").asString()).isEqualTo("passwordConfirm");

        HttpResponse<String> tooLong = register(this.email, "x".repeat(129), "x".repeat(129));
        assertThat(tooLong.statusCode()).isEqualTo(400);
    }

    @Test
    void namesAndPasswordsAreMeasuredInCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units

        HttpResponse<String> hundred = registerNamed(emoji.repeat(100), this.email, PASSWORD);
        assertThat(hundred.statusCode()).as(hundred.body()).isEqualTo(201);
        assertThat(json(hundred).get("name").asString()).isEqualTo(emoji.repeat(100));

        HttpResponse<String> hundredAndOne = registerNamed(emoji.repeat(101), "more-" + this.email, PASSWORD);
        assertThat(hundredAndOne.statusCode()).isEqualTo(400);
        assertThat(json(hundredAndOne).get("errors").get(0).get("field").asString()).isEqualTo("name");

        HttpResponse<String> fourCharacters = registerNamed("Api User", "short-" + this.email, emoji.repeat(4));
        assertThat(fourCharacters.statusCode()).as("eight UTF-16 units, but four characters").isEqualTo(400);
        assertThat(json(fourCharacters).get("errors").get(0).get("field").asString()).isEqualTo("password");

        HttpResponse<String> longest = registerNamed("Api User", "long-" + this.email, emoji.repeat(128));
        assertThat(longest.statusCode()).as(longest.body()).isEqualTo(201);
        assertThat(login("long-" + this.email, emoji.repeat(128)).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedAndOversizedBodiesAreProblemsNeverA500() {
        HttpResponse<String> malformed = this.http.postJson("/api/auth/register", "{\"name\": \"x\",");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        HttpResponse<String> oversized = this.http.postJson("/api/auth/login",
                JsonBody.of("email", "a".repeat(11 * 1024), "password", "x"));
        assertThat(oversized.statusCode()).isEqualTo(413);

        HttpResponse<String> injection = register("x'; DROP TABLE users;--@example.com", PASSWORD, PASSWORD);
        assertThat(injection.statusCode()).isIn(201, 400);
        assertThat(register(this.email, PASSWORD, PASSWORD).statusCode()).as("the users table is still there").isEqualTo(201);
    }

    /** PostgreSQL's text cannot hold U+0000: such input is refused or simply not found, never a 500. */
    @Test
    void aZeroCharacterInANameOrATokenIsRefusedNeverA500() {
        HttpResponse<String> name = this.http.postJson("/api/auth/register", "{\"name\":\"Ada\\u0000\",\"email\":\""
                + this.email + "\",\"password\":\"" + PASSWORD + "\",\"passwordConfirm\":\"" + PASSWORD + "\"}");
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(json(name).get("errors").get(0).get("field").asString()).isEqualTo("name");

        HttpResponse<String> refresh = this.http.postJson("/api/auth/refresh", "{\"refresh_token\":\"abc\\u0000def\"}");
        assertThat(refresh.statusCode()).isEqualTo(403);
        assertThat(refresh.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        String client = HttpBrowser.basic("demo-client", "demo-client-secret");
        for (List<Map.Entry<String, String>> form : List.of(
                List.of(Map.entry("grant_type", "refresh_token"), Map.entry("refresh_token", "abc\u0000def")),
                List.of(Map.entry("grant_type", "authorization_code"), Map.entry("code", "abc\u0000def"),
                        Map.entry("redirect_uri", AuthorizationCodeFlow.DEMO_REDIRECT_URI), Map.entry("code_verifier", "v")))) {
            HttpResponse<String> token = this.http.postForm("/oauth2/token", form, "Authorization", client);
            assertThat(token.statusCode()).as(token.body()).isEqualTo(400);
            assertThat(json(token).get("error").asString()).isEqualTo("invalid_grant");
        }
        HttpResponse<String> introspected = this.http.postForm("/oauth2/introspect",
                List.of(Map.entry("token", "abc\u0000def")), "Authorization", client);
        assertThat(introspected.statusCode()).isEqualTo(200);
        assertThat(json(introspected).get("active").asBoolean()).isFalse();
        HttpResponse<String> revoked = this.http.postForm("/oauth2/revoke",
                List.of(Map.entry("token", "abc\u0000def")), "Authorization", client);
        assertThat(revoked.statusCode()).as("RFC 7009: an unknown token is revoked already").isEqualTo(200);
    }

    /** Where no handler answers, API clients still get problems; browsers still get the error page. */
    @Test
    void unknownPathsAndMethodsAreProblemsForApiClientsAndPagesForBrowsers() {
        HttpResponse<String> wrongMethod = this.http.send(HttpRequest.newBuilder(this.http.uri("/api/auth/login"))
                .header("Accept", "application/json").GET().build());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(wrongMethod.headers().firstValue("Allow").orElseThrow()).contains("POST");
        assertThat(json(wrongMethod).get("status").asInt()).isEqualTo(405);

        HttpResponse<String> unknown = this.http.postJson("/api/auth/nothing-here", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(unknown).get("title").asString()).isEqualTo("Not Found");
        assertThat(json(unknown).get("instance").asString()).isEqualTo("/api/auth/nothing-here");

        HttpResponse<String> page = this.http.get("/css/nothing-here.css");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("We couldn’t find that page");
    }

    @Test
    void twentyParallelRegistrationsOfOneEmailCreateExactlyOneAccount() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return register(this.email, PASSWORD, PASSWORD).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(19);
        }
    }

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
    void logoutRevokesBothTokensAndClearsTheCookies() {
        register(this.email, PASSWORD, PASSWORD);
        JsonNode tokens = json(login(this.email, PASSWORD));
        String access = tokens.get("access_token").asString();

        HttpResponse<String> logout = this.http.postJson("/api/auth/logout",
                JsonBody.of("refresh_token", tokens.get("refresh_token").asString()), "Authorization", "Bearer " + access);

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(setCookie(logout, "access_token")).contains("Max-Age=0");
        assertThat(setCookie(logout, "refresh_token")).contains("Max-Age=0").contains("Path=/api/auth");
        assertThat(setCookie(logout, "logged_in")).contains("Max-Age=0");
        JsonNode introspection = json(this.http.postForm("/oauth2/introspect", List.of(Map.entry("token", access)),
                "Authorization", HttpBrowser.basic("first-party", "first-party-secret")));
        assertThat(introspection.get("active").asBoolean()).isFalse();
        assertThat(this.http.postJson("/api/auth/refresh", JsonBody.of("refresh_token", tokens.get("refresh_token").asString()))
                .statusCode()).isEqualTo(403);

        assertThat(new HttpBrowser("http://localhost:" + this.port).postJson("/api/auth/logout", null).statusCode())
                .as("missing").isEqualTo(401);
        assertThat(this.http.postJson("/api/auth/logout", null, "Authorization", "Bearer not.a.jwt").statusCode())
                .as("invalid").isEqualTo(403);
    }

    @Test
    void logoutWithADeadAccessTokenStillRevokesTheRefreshToken() {
        register(this.email, PASSWORD, PASSWORD);
        String refresh = json(login(this.email, PASSWORD)).get("refresh_token").asString();

        HttpResponse<String> logout = this.http.postJson("/api/auth/logout", JsonBody.of("refresh_token", refresh),
                "Authorization", "Bearer eyJhbGciOiJFZERTQSJ9.eyJleHAiOjF9.c2ln");

        assertThat(logout.statusCode()).as("an expired or bad access token does not keep the refresh token alive")
                .isEqualTo(204);
        assertThat(this.http.postJson("/api/auth/refresh", JsonBody.of("refresh_token", refresh)).statusCode())
                .isEqualTo(403);
    }

    @Test
    void logoutWithADeadRefreshTokenStillRevokesTheAccessToken() {
        register(this.email, PASSWORD, PASSWORD);
        String access = json(login(this.email, PASSWORD)).get("access_token").asString();

        HttpResponse<String> logout = this.http.postJson("/api/auth/logout", JsonBody.of("refresh_token", "already-gone"),
                "Authorization", "Bearer " + access);

        assertThat(logout.statusCode()).isEqualTo(204);
        JsonNode introspection = json(this.http.postForm("/oauth2/introspect", List.of(Map.entry("token", access)),
                "Authorization", HttpBrowser.basic("first-party", "first-party-secret")));
        assertThat(introspection.get("active").asBoolean()).isFalse();
        HttpResponse<String> neither = this.http.postJson("/api/auth/logout", JsonBody.of("refresh_token", "already-gone"),
                "Authorization", "Bearer not.a.jwt");
        assertThat(neither.statusCode()).as("neither is live").isEqualTo(403);
        assertThat(setCookie(neither, "refresh_token")).as("the cookies are cleared all the same").contains("Max-Age=0");
    }

    @Test
    void logoutWithOnlyTheAccessTokenEndsItsWholeGrant() {
        register(this.email, PASSWORD, PASSWORD);
        JsonNode tokens = json(login(this.email, PASSWORD));

        HttpResponse<String> logout = this.http.postJson("/api/auth/logout", null,
                "Authorization", "Bearer " + tokens.get("access_token").asString());

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(this.http.postJson("/api/auth/refresh", JsonBody.of("refresh_token", tokens.get("refresh_token").asString()))
                .statusCode()).as("the refresh token of the access token's grant (sid) is revoked too").isEqualTo(403);
    }

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

    private HttpResponse<String> register(String email, String password, String confirm) {
        return this.http.postJson("/api/auth/register",
                JsonBody.of("name", "Api User", "email", email, "password", password, "passwordConfirm", confirm));
    }

    private HttpResponse<String> registerNamed(String name, String email, String password) {
        return this.http.postJson("/api/auth/register",
                JsonBody.of("name", name, "email", email, "password", password, "passwordConfirm", password));
    }

    private HttpResponse<String> login(String email, String password) {
        return this.http.postJson("/api/auth/login", JsonBody.of("email", email, "password", password));
    }
}
