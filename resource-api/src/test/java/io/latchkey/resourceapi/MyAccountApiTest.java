package io.latchkey.resourceapi;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.latchkey.store.account.Account;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.Role;
import io.latchkey.testing.AuthServerProcess;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtClaims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** resource-api's account endpoints over real HTTP, with tokens from a real auth-server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyAccountApiTest {

    private static final String PASSWORD = "first password 123";

    LatchkeyStack stack;
    StackClient client;
    AccountRepository accounts;
    Account account;
    String token;

    @BeforeAll
    void startStack() throws Exception {
        this.stack = LatchkeyStack.start(1);
        this.client = new StackClient(this.stack);
        this.accounts = this.stack.resourceApi.getBean(AccountRepository.class);
    }

    @AfterAll
    void stopStack() throws Exception {
        this.stack.close();
    }

    @BeforeEach
    void signedInUser() {
        this.account = this.accounts.create(uniqueEmail(), "Ada Lovelace", PASSWORD, Role.USER);
        this.token = this.client.signIn(this.account.email(), PASSWORD, StackClient.ALL_SCOPES).get("access_token").asString();
    }

    @Test
    void profileShowsTheAccountButNeverTheHash() {
        HttpResponse<String> response = this.client.get("/api/users/me", this.token);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode profile = json(response);
        assertThat(profile.get("id").asString()).isEqualTo(this.account.id().toString());
        assertThat(profile.get("email").asString()).isEqualTo(this.account.email());
        assertThat(profile.get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(profile.get("role").asString()).isEqualTo("user");
        assertThat(profile.has("createdAt")).isTrue();
        assertThat(response.body()).doesNotContain("argon2").doesNotContainIgnoringCase("password");
    }

    @Test
    void patchChangesOnlyTheFieldsGiven() {
        HttpResponse<String> renamed = this.client.call("PATCH", "/api/users/me", this.token, JsonBody.of("name", "  Ada King  "));

        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(json(renamed).get("name").asString()).isEqualTo("Ada King");
        assertThat(json(renamed).get("email").asString()).isEqualTo(this.account.email());

        HttpResponse<String> sameEmail = this.client.call("PATCH", "/api/users/me", this.token,
                JsonBody.of("email", "  " + this.account.email().toUpperCase() + " "));
        assertThat(sameEmail.statusCode()).as("the address it has is no change").isEqualTo(200);
        assertThat(json(sameEmail).get("name").asString()).isEqualTo("Ada King");
    }

    @Test
    void anEmailChangeWaitsUntilTheNewAddressConfirmsAndTheOldOneIsTold() {
        String newEmail = uniqueEmail();
        HttpResponse<String> asked = this.client.call("PATCH", "/api/users/me", this.token,
                JsonBody.of("email", "  " + newEmail.toUpperCase() + " "));

        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        assertThat(json(asked).get("email").asString()).isEqualTo(this.account.email());
        assertThat(json(this.client.get("/api/users/me", this.token)).get("email").asString()).isEqualTo(this.account.email());
        String token = await().atMost(Duration.ofSeconds(10)).until(() -> mailboxLink(newEmail), Optional::isPresent).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox().stream()
                .anyMatch(mail -> mail.contains(this.account.email()) && mail.contains("about to change")));

        HttpBrowser auth = new HttpBrowser(this.stack.authServer(0).baseUrl());
        assertThat(auth.postJson("/api/auth/verify-email", JsonBody.of("token", token)).statusCode()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode profile = json(this.client.get("/api/users/me", this.token));
            assertThat(profile.get("email").asString()).isEqualTo(newEmail);
            assertThat(profile.get("emailVerified").asBoolean()).isTrue();
        });
        assertThat(auth.postJson("/api/auth/verify-email", JsonBody.of("token", token)).statusCode()).as("once").isEqualTo(400);
    }

    /** The mails auth-server's embedded SMTP server received, as its dev mailbox page (local profile) lists them. */
    private List<String> mailbox() {
        String page = new HttpBrowser(this.stack.authServer(0).baseUrl()).get("/dev/mailbox").body();
        return List.of(page.split("<article")).stream().skip(1).toList();
    }

    private Optional<String> mailboxLink(String to) {
        Pattern link = Pattern.compile("/verify-email\\?token=([A-Za-z0-9_-]+)");
        return mailbox().stream().filter(mail -> mail.contains(to)).findFirst().flatMap(mail -> {
            Matcher matcher = link.matcher(mail);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        });
    }

    @Test
    void namesAndPasswordsAreMeasuredInCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units

        HttpResponse<String> hundred = this.client.call("PATCH", "/api/users/me", this.token,
                JsonBody.of("name", emoji.repeat(100)));
        assertThat(hundred.statusCode()).as(hundred.body()).isEqualTo(200);
        assertThat(json(hundred).get("name").asString()).isEqualTo(emoji.repeat(100));

        HttpResponse<String> hundredAndOne = this.client.call("PATCH", "/api/users/me", this.token,
                JsonBody.of("name", emoji.repeat(101)));
        assertThat(hundredAndOne.statusCode()).isEqualTo(400);
        assertThat(json(hundredAndOne).get("errors").get(0).get("field").asString()).isEqualTo("name");

        HttpResponse<String> fourCharacters = this.client.call("PUT", "/api/users/me/password", this.token,
                JsonBody.of("currentPassword", PASSWORD, "newPassword", emoji.repeat(4)));
        assertThat(fourCharacters.statusCode()).as("eight UTF-16 units, but four characters").isEqualTo(400);
        assertThat(json(fourCharacters).get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
        assertThat(this.accounts.passwordMatches(this.account.id(), PASSWORD)).isTrue();
    }

    @Test
    void patchWithAnEmailAnotherAccountUsesIsAConflict() {
        Account other = this.accounts.create(uniqueEmail(), "Other", PASSWORD, Role.USER);

        HttpResponse<String> response = this.client.call("PATCH", "/api/users/me", this.token,
                JsonBody.of("email", other.email().toUpperCase()));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(response).get("errors").get(0).get("field").asString()).isEqualTo("email");
    }

    @Test
    void invalidInputGetsFieldErrorsNeverA500() {
        HttpResponse<String> invalid = this.client.call("PATCH", "/api/users/me", this.token,
                JsonBody.of("name", "   ", "email", "not-an-email"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).get("title").asString()).isEqualTo("Validation failed");
        assertThat(json(invalid).get("errors").values()).extracting(error -> error.get("field").asString())
                .contains("name", "email");

        HttpResponse<String> malformed = this.client.call("PATCH", "/api/users/me", this.token, "{\"name\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        HttpResponse<String> oversized = this.client.call("PATCH", "/api/users/me", this.token,
                JsonBody.of("name", "x".repeat(11 * 1024)));
        assertThat(oversized.statusCode()).isEqualTo(413);

        HttpResponse<String> injection = this.client.call("PATCH", "/api/users/me", this.token,
                "{\"name\":\"Robert'); DROP TABLE users;-- \\u00e9\\u6f22\\ud83d\\udd11\"}");
        assertThat(injection.statusCode()).isEqualTo(200);
        assertThat(json(injection).get("name").asString()).isEqualTo("Robert'); DROP TABLE users;-- é漢🔑");
        assertThat(this.accounts.count()).isPositive();
    }

    @Test
    void aNameWithAControlCharacterIsRefused() {
        for (String control : List.of("\\u0000", "\\n", "\\u007f")) {
            HttpResponse<String> response = this.client.call("PATCH", "/api/users/me", this.token,
                    "{\"name\":\"Ada" + control + "Lovelace\"}");
            assertThat(response.statusCode()).as(control).isEqualTo(400);
            assertThat(json(response).get("errors").get(0).get("field").asString()).isEqualTo("name");
        }
    }

    @Test
    void textThatIsNotValidUnicodeIsRefusedAndNothingChanges() {
        for (String body : List.of("{\"name\":\"Ada \\ud800\"}", "{\"email\":\"ada\\udfff@example.com\"}")) {
            HttpResponse<String> response = this.client.call("PATCH", "/api/users/me", this.token, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).get("errors").get(0).get("message").asString()).contains("unpaired surrogate");
        }
        HttpResponse<String> password = this.client.call("PUT", "/api/users/me/password", this.token,
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"new password \\ud800\"}");
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(json(password).get("errors").get(0).get("field").asString()).isEqualTo("newPassword");

        JsonNode me = json(this.client.get("/api/users/me", this.token));
        assertThat(me.get("name").asString()).isEqualTo(this.account.name());
        assertThat(me.get("email").asString()).isEqualTo(this.account.email());
    }

    @Test
    void unknownRouteIsAProblem404() {
        HttpResponse<String> response = this.client.get("/api/nothing-here", this.token);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void aPasswordChangeRefusesOldTokensAndTheNewPasswordSignsInAtOnce() {
        JsonNode second = this.client.signIn(this.account.email(), PASSWORD, StackClient.ALL_SCOPES);

        HttpResponse<String> wrong = this.client.call("PUT", "/api/users/me/password", this.token,
                JsonBody.of("currentPassword", "not it", "newPassword", "second password 456"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong).get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");

        HttpResponse<String> changed = this.client.call("PUT", "/api/users/me/password", this.token,
                JsonBody.of("currentPassword", PASSWORD, "newPassword", "second password 456"));
        assertThat(changed.statusCode()).isEqualTo(204);

        assertThat(this.client.get("/api/users/me", this.token).statusCode()).isEqualTo(401);
        assertThat(this.client.get("/api/users/me", second.get("access_token").asString()).statusCode()).isEqualTo(401);
        assertThat(this.client.refresh(second.get("refresh_token").asString()).statusCode()).isEqualTo(400);

        String fresh = this.client.signIn(this.account.email(), "second password 456", StackClient.ALL_SCOPES)
                .get("access_token").asString();
        assertThat(this.client.get("/api/users/me", fresh).statusCode()).as("a sign-in right after works").isEqualTo(200);
    }

    @Test
    void sessionsListsGrantsBySidAndRevokingOneEndsItsTokens() {
        JsonNode other = this.client.signIn(this.account.email(), PASSWORD, StackClient.ALL_SCOPES);
        String otherSid = jwtClaims(other.get("access_token").asString()).get("sid").asString();
        String mySid = jwtClaims(this.token).get("sid").asString();

        HttpResponse<String> list = this.client.get("/api/users/me/sessions", this.token);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).values()).extracting(session -> session.get("id").asString()).contains(mySid, otherSid);
        assertThat(json(list).get(0).get("clientId").asString()).isEqualTo("demo-client");
        assertThat(json(list).values()).filteredOn(session -> session.get("current").asBoolean())
                .extracting(session -> session.get("id").asString()).as("the asking token's session, and only it")
                .containsExactly(mySid);

        assertThat(this.client.call("DELETE", "/api/users/me/sessions/" + otherSid, this.token, null).statusCode()).isEqualTo(204);

        assertThat(this.client.get("/api/users/me", other.get("access_token").asString()).statusCode()).isEqualTo(401);
        assertThat(this.client.refresh(other.get("refresh_token").asString()).statusCode()).isEqualTo(400);
        assertThat(this.client.get("/api/users/me", this.token).statusCode()).as("the other session is untouched").isEqualTo(200);
        assertThat(json(this.client.get("/api/users/me/sessions", this.token)).values())
                .extracting(session -> session.get("id").asString()).doesNotContain(otherSid);
    }

    @Test
    void revokingSomeoneElsesOrAnUnknownSessionIsNotFound() {
        Account stranger = this.accounts.create(uniqueEmail(), "Stranger", PASSWORD, Role.USER);
        String strangerSid = jwtClaims(this.client.signIn(stranger.email(), PASSWORD, StackClient.ALL_SCOPES)
                .get("access_token").asString()).get("sid").asString();

        assertThat(this.client.call("DELETE", "/api/users/me/sessions/" + strangerSid, this.token, null).statusCode()).isEqualTo(404);
        assertThat(this.client.call("DELETE", "/api/users/me/sessions/no-such-session", this.token, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aDeletedAccountsTokensAreRefusedAndItCannotSignIn() {
        HttpResponse<String> deleted = this.client.call("DELETE", "/api/users/me", this.token, null);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(this.client.get("/api/users/me", this.token).statusCode()).isEqualTo(401);
        assertThat(this.accounts.findById(this.account.id())).isEmpty();

        HttpBrowser browser = new HttpBrowser(this.stack.authServer(0).baseUrl());
        HttpResponse<String> loginPage = browser.get("/login");
        HttpResponse<String> signIn = browser.postForm("/login", List.of(
                Map.entry("username", this.account.email()), Map.entry("password", PASSWORD),
                Map.entry("_csrf", HttpBrowser.inputValue(loginPage.body(), "_csrf"))));
        assertThat(HttpBrowser.location(signIn)).endsWith("/login?error");
    }

    @Test
    void deletingAnAccountAgainFinishesASignOutThatFailedAfterTheRowWasGone() {
        JsonNode tokens = this.client.signIn(this.account.email(), PASSWORD, StackClient.ALL_SCOPES);
        this.accounts.delete(this.account.id()); // as if the first DELETE had stopped right after removing the row

        HttpResponse<String> retried = this.client.call("DELETE", "/api/users/me", tokens.get("access_token").asString(), null);

        assertThat(retried.statusCode()).isEqualTo(404);
        HttpResponse<String> refresh = new HttpBrowser(this.stack.authServer(0).baseUrl()).postJson("/api/auth/refresh",
                JsonBody.of("refresh_token", tokens.get("refresh_token").asString()));
        assertThat(refresh.statusCode()).as("the deleted account's grants are ended all the same").isEqualTo(403);
    }

    /** A stolen access token is no way round the brute-force limits: guesses here count as failed sign-ins. */
    @Test
    void wrongCurrentPasswordsUseUpTheAccountsSignInBudget() {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = this.client.call("PUT", "/api/users/me/password", this.token,
                    JsonBody.of("currentPassword", "guess " + i, "newPassword", "second password 456"));
            assertThat(wrong.statusCode()).isEqualTo(400);
        }

        HttpResponse<String> throttled = this.client.call("PUT", "/api/users/me/password", this.token,
                JsonBody.of("currentPassword", PASSWORD, "newPassword", "second password 456"));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(this.accounts.passwordMatches(this.account.id(), PASSWORD)).as("the password did not change").isTrue();

        HttpResponse<String> signIn = new HttpBrowser(this.stack.authServer(0).baseUrl()).postJson("/api/auth/login",
                JsonBody.of("email", this.account.email(), "password", PASSWORD));
        assertThat(signIn.statusCode()).as("auth-server counts the same budget").isEqualTo(429);
    }

    @Test
    void aTokenFromTheFirstPartyLoginWorksHereToo() {
        HttpResponse<String> login = new HttpBrowser(this.stack.authServer(0).baseUrl()).postJson("/api/auth/login",
                JsonBody.of("email", this.account.email(), "password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(200);
        String firstParty = json(login).get("access_token").asString();

        HttpResponse<String> me = this.client.get("/api/users/me", firstParty);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("id").asString()).isEqualTo(this.account.id().toString());
        assertThat(this.client.call("PATCH", "/api/users/me", firstParty, JsonBody.of("name", "Via JSON login")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void readOnlyTokenCannotWrite() {
        String readOnly = this.client.signIn(this.account.email(), PASSWORD, "openid account:read").get("access_token").asString();

        assertThat(this.client.get("/api/users/me", readOnly).statusCode()).isEqualTo(200);
        HttpResponse<String> write = this.client.call("PATCH", "/api/users/me", readOnly, JsonBody.of("name", "x"));
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("insufficient_scope");
        assertThat(write.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(write).get("title").asString()).isEqualTo("Forbidden");
    }

    @Test
    void adminEndpointsNeedTheAdminRole() {
        assertThat(this.client.get("/api/admin/users", this.token).statusCode()).isEqualTo(403);

        String admin = this.client.signIn("admin@latchkey.local", AuthServerProcess.ADMIN_PASSWORD, StackClient.ALL_SCOPES)
                .get("access_token").asString();
        HttpResponse<String> page = this.client.get("/api/admin/users?page=0&size=2&sort=email,asc", admin);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(json(page).get("content").size()).isEqualTo(2);
        assertThat(json(page).get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(this.client.get("/api/admin/users?sort=password_hash", admin).statusCode()).isEqualTo(400);
        assertThat(this.client.get("/api/admin/users?size=1000", admin).statusCode()).isEqualTo(400);

        assertThat(this.client.call("POST", "/api/admin/users/" + this.account.id() + "/logout", admin, null).statusCode())
                .isEqualTo(204);
        assertThat(this.client.get("/api/users/me", this.token).statusCode()).isEqualTo(401);

        assertThat(this.client.call("DELETE", "/api/admin/users/" + this.account.id(), admin, null).statusCode()).isEqualTo(204);
        assertThat(this.client.call("DELETE", "/api/admin/users/" + this.account.id(), admin, null).statusCode()).isEqualTo(404);
    }

    @Test
    void theOnlyAdminCannotDeleteTheirAccountEitherWayAndKeepsTheirTokens() {
        String admin = this.client.signIn("admin@latchkey.local", AuthServerProcess.ADMIN_PASSWORD, StackClient.ALL_SCOPES)
                .get("access_token").asString();
        UUID adminId = this.accounts.findByEmail("admin@latchkey.local").orElseThrow().id();

        HttpResponse<String> ownAccount = this.client.call("DELETE", "/api/users/me", admin, null);
        HttpResponse<String> throughAdminApi = this.client.call("DELETE", "/api/admin/users/" + adminId, admin, null);

        for (HttpResponse<String> refused : List.of(ownAccount, throughAdminApi)) {
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(json(refused).get("detail").asString()).contains("only admin");
        }
        assertThat(this.accounts.findById(adminId)).isPresent();
        assertThat(this.client.get("/api/admin/users", admin).statusCode()).as("nothing was ended").isEqualTo(200);
    }

    private static String uniqueEmail() {
        return "user-" + AuthorizationCodeFlow.randomToken().substring(0, 10).toLowerCase().replace('_', 'x').replace('-', 'y')
                + "@example.com";
    }
}
