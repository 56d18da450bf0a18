package io.latchkey.authserver.verification;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.authserver.mail.EmbeddedMailServer;
import io.latchkey.authserver.mail.ReceivedMail;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.mail.EmailChanges;
import io.latchkey.store.mail.MailOutbox;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import io.latchkey.testing.TestEmails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static io.latchkey.testing.HttpBrowser.basic;
import static io.latchkey.testing.HttpBrowser.inputValue;
import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtClaims;
import static io.latchkey.testing.HttpBrowser.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Verified email with {@code latchkey.accounts.require-verified-email} on (its default outside
 * the local profile): sign-up mails a link, the account cannot sign in until it is followed, and
 * then its tokens and userinfo say {@code email_verified: true}.
 */
@AuthServerTest
@TestPropertySource(properties = { "latchkey.accounts.require-verified-email=true",
        "latchkey.accounts.email-verification.per-client=1000" })
class EmailVerificationTest {

    private static final String PASSWORD = "a password of someone new";
    private static final Pattern TOKEN = Pattern.compile("/verify-email\\?token=([A-Za-z0-9_-]+)");
    private static final Duration MAIL_ARRIVES = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    MailOutbox outbox;

    @Autowired
    AccountRepository accounts;

    @Autowired
    EmailChanges emailChanges;

    HttpBrowser http;

    @BeforeEach
    void setUp() {
        this.http = new HttpBrowser("http://localhost:" + this.port);
    }

    @Test
    void anUnconfirmedAccountIsRefusedSignInEverywhereUntilItFollowsTheMailedLink() throws Exception {
        String email = signUp("new");

        HttpResponse<String> jsonLogin = jsonLogin(email, PASSWORD);
        assertThat(jsonLogin.statusCode()).as(jsonLogin.body()).isEqualTo(403);
        assertThat(json(jsonLogin).get("title").asString()).isEqualTo("Email not verified");
        HttpResponse<String> grant = passwordGrant(email, PASSWORD);
        assertThat(grant.statusCode()).isEqualTo(400);
        assertThat(json(grant).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(json(grant).get("error_description").asString()).contains("not confirmed");
        assertThat(location(formLogin(email, PASSWORD))).endsWith("/login?unverified");
        HttpResponse<String> wrong = jsonLogin(email, "not the password at all");
        assertThat(json(wrong).get("detail").asString()).as("a wrong password learns nothing of the address")
                .isEqualTo("Invalid email or password");

        String token = tokenMailedTo(email);
        HttpResponse<String> page = this.http.get("/verify-email?token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(inputValue(page.body(), "token")).as("the page confirms only by its button").isEqualTo(token);
        assertThat(this.accounts.findByEmail(email).orElseThrow().emailVerified()).as("opening the link").isFalse();
        assertThat(this.http.postJson("/api/auth/verify-email", JsonBody.of("token", token)).statusCode()).isEqualTo(204);

        HttpResponse<String> signedIn = passwordGrant(email, PASSWORD);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(jwtClaims(json(signedIn).get("id_token").asString()).get("email_verified").asBoolean()).isTrue();
        String accessToken = json(signedIn).get("access_token").asString();
        assertThat(json(this.http.get("/userinfo", "Authorization", "Bearer " + accessToken)).get("email_verified").asBoolean())
                .isTrue();
        HttpResponse<String> reused = this.http.postJson("/api/auth/verify-email", JsonBody.of("token", token));
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void rightPasswordsOfAnUnconfirmedAccountAreNoFailuresForTheSignInLimit() throws Exception {
        String email = signUp("patient");
        for (int i = 0; i < 7; i++) {
            assertThat(jsonLogin(email, PASSWORD).statusCode()).as("attempt %d", i + 1).isEqualTo(403);
        }
        this.http.postJson("/api/auth/verify-email", JsonBody.of("token", tokenMailedTo(email)));
        assertThat(jsonLogin(email, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aForgedLinkOrOneForAnAddressTheAccountLeftConfirmsNothing() throws Exception {
        String email = signUp("moved");
        String token = tokenMailedTo(email);
        assertThat(this.http.postJson("/api/auth/verify-email", JsonBody.of("token", token + "x")).statusCode()).isEqualTo(400);
        assertThat(this.http.get("/verify-email?token=forged").statusCode()).isEqualTo(400);

        var account = this.accounts.findByEmail(email).orElseThrow();
        this.accounts.updateProfile(account.id(), null, TestEmails.unique("elsewhere"));
        assertThat(this.http.postJson("/api/auth/verify-email", JsonBody.of("token", token)).statusCode()).isEqualTo(400);
        assertThat(this.accounts.findById(account.id()).orElseThrow().emailVerified()).isFalse();
    }

    @Test
    void anEmailChangeToAnAddressTakenMeanwhileChangesNothing() throws Exception {
        String email = signUp("taker");
        var account = this.accounts.findByEmail(email).orElseThrow();
        String wanted = TestEmails.unique("wanted");
        this.emailChanges.request(account.id(), email, wanted);
        String token = tokenMailedTo(wanted);
        await().atMost(MAIL_ARRIVES).until(() -> mailsTo(email).stream().anyMatch(mail -> mail.contains("asked to move it to a new email address")));
        this.accounts.create(wanted, "Quicker", PASSWORD, io.latchkey.store.account.Role.USER);

        HttpResponse<String> refused = this.http.postJson("/api/auth/verify-email", JsonBody.of("token", token));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("detail").asString()).contains("Another account uses this address");
        assertThat(this.accounts.findById(account.id()).orElseThrow().email()).isEqualTo(email);
    }

    @Test
    void aChangedAddressIsNoLongerVerified() throws Exception {
        String email = signUp("changer");
        this.http.postJson("/api/auth/verify-email", JsonBody.of("token", tokenMailedTo(email)));
        var account = this.accounts.findByEmail(email).orElseThrow();
        assertThat(account.emailVerified()).isTrue();

        assertThat(this.accounts.updateProfile(account.id(), "A new name", null).orElseThrow().emailVerified())
                .as("a new name keeps it").isTrue();
        assertThat(this.accounts.updateProfile(account.id(), null, TestEmails.unique("changed")).orElseThrow().emailVerified())
                .as("a new address does not").isFalse();
    }

    @Test
    void aNewLinkIsMailedOnRequestOnlyToAnUnconfirmedAccountAndTheAnswerSaysNothing() throws Exception {
        String unconfirmed = signUp("resend");
        tokenMailedTo(unconfirmed);
        String confirmed = signUp("done");
        this.http.postJson("/api/auth/verify-email", JsonBody.of("token", tokenMailedTo(confirmed)));
        String nobody = TestEmails.unique("nobody");

        List<HttpResponse<String>> answers = List.of(resend(unconfirmed), resend(confirmed), resend(nobody));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(202));
        assertThat(answers.get(1).body()).isEqualTo(answers.get(0).body()).isEqualTo(answers.get(2).body());
        await().atMost(MAIL_ARRIVES).until(() -> mailsTo(unconfirmed).size() == 2);
        await().atMost(MAIL_ARRIVES).until(() -> this.outbox.pending() == 0);
        assertThat(mailsTo(confirmed)).hasSize(1);
        assertThat(mailsTo(nobody)).isEmpty();
        String newest = ReceivedMail.find(TOKEN, mailsTo(unconfirmed).get(1)).orElseThrow();
        assertThat(this.http.postJson("/api/auth/verify-email", JsonBody.of("token", newest)).statusCode()).isEqualTo(204);
    }

    @Test
    void requestsForNewLinksAreThrottledPerAddress() {
        String email = TestEmails.unique("flood");
        for (int i = 0; i < 3; i++) {
            assertThat(resend(email).statusCode()).isEqualTo(202);
        }
        HttpResponse<String> throttled = resend(email);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(this.http.postJson("/api/auth/verify-email/resend", "{\"email\":\"not an address\"}").statusCode())
                .isEqualTo(400);
    }

    private String signUp(String prefix) {
        String email = TestEmails.unique(prefix);
        HttpResponse<String> created = this.http.postJson("/api/auth/register", JsonBody.of("name", "Someone New",
                "email", email, "password", PASSWORD, "passwordConfirm", PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return email;
    }

    private HttpResponse<String> resend(String email) {
        return this.http.postJson("/api/auth/verify-email/resend", JsonBody.of("email", email));
    }

    private HttpResponse<String> jsonLogin(String email, String password) {
        return this.http.postJson("/api/auth/login", JsonBody.of("email", email, "password", password));
    }

    private HttpResponse<String> passwordGrant(String email, String password) {
        return this.http.postForm("/oauth2/token", List.of(Map.entry("grant_type", "password"), Map.entry("username", email),
                Map.entry("password", password), Map.entry("scope", "openid email")), "Authorization",
                basic("first-party", "first-party-secret"));
    }

    private HttpResponse<String> formLogin(String email, String password) {
        HttpBrowser browser = new HttpBrowser(this.http.uri("/").toString().replaceAll("/$", ""));
        HttpResponse<String> page = browser.get("/login");
        return browser.postForm("/login", List.of(Map.entry("username", email), Map.entry("password", password),
                Map.entry("_csrf", inputValue(page.body(), "_csrf"))));
    }

    private String tokenMailedTo(String email) {
        return new ReceivedMail(this.mailServer).newestLink(email, TOKEN);
    }

    private List<String> mailsTo(String email) throws Exception {
        return new ReceivedMail(this.mailServer).to(email);
    }
}
