package io.latchkey.authserver.recovery;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.authserver.Hold;
import io.latchkey.authserver.PasswordCheckGate;
import io.latchkey.authserver.mail.EmbeddedMailServer;
import io.latchkey.authserver.mail.ReceivedMail;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.Role;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.mail.MailOutbox;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import io.latchkey.testing.TestEmails;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static io.latchkey.testing.HttpBrowser.basic;
import static io.latchkey.testing.HttpBrowser.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Forgotten passwords over the JSON API, with the mail read back from the real (embedded) SMTP
 * server it was sent to.
 */
@AuthServerTest
@Import(PasswordCheckGate.Configuration.class)
@TestPropertySource(properties = { "latchkey.mail.sending.first-retry=PT0.2S",
        "latchkey.accounts.password-reset.per-client=1000" })
class PasswordResetApiTest {

    private static final String OLD_PASSWORD = "the old password";
    private static final String NEW_PASSWORD = "a brand new password";
    private static final Pattern TOKEN = Pattern.compile("/reset-password\\?token=([A-Za-z0-9_-]+)");
    private static final Duration MAIL_ARRIVES = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    AccountRepository accounts;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    MailOutbox outbox;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordCheckGate gate;

    @Autowired
    MeterRegistry meters;

    HttpBrowser http;

    @BeforeEach
    void setUp() {
        this.http = new HttpBrowser("http://localhost:" + this.port);
    }

    @Test
    void aMailedLinkSetsANewPasswordOnceAndEndsEverySessionOfTheUser() throws Exception {
        String email = account("reset");
        String accessToken = json(passwordGrant(email, OLD_PASSWORD)).get("access_token").asString();

        HttpResponse<String> requested = requestReset(email);
        assertThat(requested.statusCode()).isEqualTo(202);
        String token = tokenMailedTo(email);

        assertThat(confirm(token, NEW_PASSWORD).statusCode()).isEqualTo(204);

        assertThat(passwordGrant(email, NEW_PASSWORD).statusCode()).as("the new password works at once").isEqualTo(200);
        assertThat(passwordGrant(email, OLD_PASSWORD).statusCode()).as("the old one never again").isEqualTo(400);
        assertThat(this.http.get("/userinfo", "Authorization", "Bearer " + accessToken).statusCode())
                .as("a token issued before the reset").isEqualTo(401);
        HttpResponse<String> reused = confirm(token, "yet another password");
        assertThat(reused.statusCode()).as("the link works once").isEqualTo(400);
        assertThat(reused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(reused).get("detail").asString()).contains("invalid, used or expired");
        assertThat(passwordGrant(email, NEW_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(this.audit.findByType("account.password_reset"))
                .anySatisfy(event -> assertThat(event.accountId()).isEqualTo(this.accounts.findByEmail(email).orElseThrow().id()));
    }

    @Test
    void aSignInWithTheOldPasswordCheckedBeforeTheResetReturnedGetsNoTokens() throws Exception {
        String email = account("race");
        requestReset(email);
        String token = tokenMailedTo(email);
        Hold hold = this.gate.holdNextCheck();
        CompletableFuture<HttpResponse<String>> signIn = CompletableFuture.supplyAsync(() -> this.http.postJson(
                "/api/auth/login", JsonBody.of("email", email, "password", OLD_PASSWORD)));
        hold.awaitReached();

        assertThat(confirm(token, NEW_PASSWORD).statusCode()).isEqualTo(204);
        hold.release();

        HttpResponse<String> raced = signIn.get(30, TimeUnit.SECONDS);
        assertThat(raced.statusCode()).as(raced.body()).isEqualTo(400);
        assertThat(raced.body()).doesNotContain("access_token");
        assertThat(passwordGrant(email, OLD_PASSWORD).statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        String known = account("known");
        String unknown = TestEmails.unique("nobody");

        HttpResponse<String> forKnown = requestReset(known);
        HttpResponse<String> forUnknown = requestReset(unknown);

        assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode()).isEqualTo(202);
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        tokenMailedTo(known);
        await().atMost(MAIL_ARRIVES).until(() -> this.outbox.pending() == 0);
        assertThat(mailsTo(unknown)).isEmpty();
    }

    @Test
    void aForgedExpiredOrAnotherLinksTokenIsRefusedAndChangesNothing() throws Exception {
        String email = account("refused");
        requestReset(email);
        String token = tokenMailedTo(email);

        assertThat(confirm("forged-" + token.substring(7), NEW_PASSWORD).statusCode()).isEqualTo(400);
        assertThat(confirm(token.toUpperCase(), NEW_PASSWORD).statusCode()).isEqualTo(400);
        this.jdbc.sql("UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE used_at IS NULL "
                + "AND account_id = :account").param("account", this.accounts.findByEmail(email).orElseThrow().id()).update();
        assertThat(confirm(token, NEW_PASSWORD).statusCode()).as("expired").isEqualTo(400);
        assertThat(passwordGrant(email, OLD_PASSWORD).statusCode()).as("the password is unchanged").isEqualTo(200);
    }

    @Test
    void aNewPasswordOutsideTheRulesIsAFieldProblemAndLeavesTheLinkUsable() throws Exception {
        String email = account("rules");
        requestReset(email);
        String token = tokenMailedTo(email);

        HttpResponse<String> tooShort = confirm(token, "short");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(json(tooShort).get("errors").toString()).contains("password");
        assertThat(confirm(token, NEW_PASSWORD).statusCode()).isEqualTo(204);
    }

    @Test
    void malformedRequestsAreProblemsNotErrors() {
        for (String body : List.of("{", "[]", "{\"email\":\"not an address\"}", "{\"email\":\"\\u0000@example.com\"}",
                "{\"email\":\"' OR 1=1 --\"}", JsonBody.of("email", "a".repeat(300) + "@example.com"))) {
            HttpResponse<String> answer = this.http.postJson("/api/auth/password-reset", body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(body).contains("application/problem+json");
        }
        HttpResponse<String> noToken = this.http.postJson("/api/auth/password-reset/confirm", JsonBody.of("password", NEW_PASSWORD));
        assertThat(noToken.statusCode()).isEqualTo(400);
    }

    @Test
    void requestsForOneAddressAreThrottled() {
        String email = account("throttled");
        for (int i = 0; i < 3; i++) {
            assertThat(requestReset(email).statusCode()).isEqualTo(202);
        }
        HttpResponse<String> throttled = requestReset(email);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void withTheMailServerDownTheRequestIsAcceptedAndTheMailSentOnceItIsBack() throws Exception {
        String email = account("outage");
        this.mailServer.close();
        try {
            assertThat(requestReset(email).statusCode()).isEqualTo(202);
            await().atMost(MAIL_ARRIVES).until(() -> this.jdbc.sql(
                    "SELECT count(*) FROM mail_outbox WHERE recipient = :to AND attempts > 0 AND sent_at IS NULL")
                    .param("to", email).query(Long.class).single() > 0);
        }
        finally {
            this.mailServer.restart();
        }
        assertThat(this.meters.find("latchkey.mail.failures").tag("outcome", "retry").counter())
                .as("the failed attempt is counted").isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isPositive());
        String token = tokenMailedTo(email);
        assertThat(confirm(token, NEW_PASSWORD).statusCode()).isEqualTo(204);
    }

    private String account(String prefix) {
        return this.accounts.create(TestEmails.unique(prefix), "Ada Lovelace", OLD_PASSWORD, Role.USER).email();
    }

    private HttpResponse<String> requestReset(String email) {
        return this.http.postJson("/api/auth/password-reset", JsonBody.of("email", email));
    }

    private HttpResponse<String> confirm(String token, String password) {
        return this.http.postJson("/api/auth/password-reset/confirm", JsonBody.of("token", token, "password", password));
    }

    private HttpResponse<String> passwordGrant(String email, String password) {
        return this.http.postForm("/oauth2/token", List.of(Map.entry("grant_type", "password"), Map.entry("username", email),
                Map.entry("password", password), Map.entry("scope", "openid")), "Authorization", basic("first-party", "first-party-secret"));
    }

    private String tokenMailedTo(String email) {
        return new ReceivedMail(this.mailServer).newestLink(email, TOKEN);
    }

    private List<String> mailsTo(String email) throws Exception {
        return new ReceivedMail(this.mailServer).to(email);
    }
}
