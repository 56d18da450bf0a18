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
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.latchkey.testing.HttpBrowser.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/auth/register}, and what the JSON API answers a body or a route it cannot take. */
@AuthServerTest
class FirstPartyRegisterTest extends FirstPartyApiTest {

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
}
