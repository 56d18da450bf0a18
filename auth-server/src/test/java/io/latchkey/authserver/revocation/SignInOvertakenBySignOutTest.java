package io.latchkey.authserver.revocation;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.authserver.FreshAccountHttpTest;
import io.latchkey.authserver.GrantSaveGate;
import io.latchkey.authserver.Hold;
import io.latchkey.authserver.PasswordCheckGate;
import io.latchkey.store.termination.Termination;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static io.latchkey.testing.HttpBrowser.inputValue;
import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-in that read the password before a password change, and finishes after the change
 * signed the user out everywhere, gets nothing: someone who keeps signing in with a stolen
 * password cannot outlast the victim's password change by timing a sign-in across it.
 */
@AuthServerTest
@Import({ PasswordCheckGate.Configuration.class, GrantSaveGate.Configuration.class })
class SignInOvertakenBySignOutTest extends FreshAccountHttpTest {

    private static final String NEW_PASSWORD = "an entirely new passphrase";

    @Autowired
    PasswordCheckGate gate;

    @Autowired
    GrantSaveGate grantSaves;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    Termination termination;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPasswordSignInThatCheckedTheReplacedPasswordGetsNoTokens() throws Exception {
        Hold hold = this.gate.holdNextCheck();
        CompletableFuture<HttpResponse<String>> signIn = CompletableFuture.supplyAsync(() -> this.browser.postJson(
                "/api/auth/login", JsonBody.of("email", this.account.email(), "password", PASSWORD)));
        hold.awaitReached();

        changePasswordAsResourceApiDoes();
        hold.release();

        HttpResponse<String> response = signIn.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("detail").asString()).isEqualTo("Invalid email or password");
        assertThat(response.body()).doesNotContain("access_token");
        assertThat(grantsOfTheAccount()).as("the grant it saved was ended").isZero();
    }

    @Test
    void aFormSignInThatCheckedTheReplacedPasswordHasItsSessionEnded() throws Exception {
        HttpResponse<String> loginPage = this.browser.get("/login");
        Hold hold = this.gate.holdNextCheck();
        CompletableFuture<HttpResponse<String>> signIn = CompletableFuture.supplyAsync(() -> this.browser.postForm("/login",
                List.of(Map.entry("username", this.account.email()), Map.entry("password", PASSWORD),
                        Map.entry("_csrf", inputValue(loginPage.body(), "_csrf")))));
        hold.awaitReached();

        changePasswordAsResourceApiDoes();
        hold.release();

        HttpResponse<String> signedIn = signIn.get(30, TimeUnit.SECONDS);
        assertThat(location(signedIn)).as("the password matched when it was read").doesNotContain("error");
        HttpResponse<String> home = this.browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(location(home)).endsWith("/login");
    }

    @Test
    void aCodeIssuedToASessionWhileItsUserIsSignedOutEverywhereIsWithdrawn() throws Exception {
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.browser);
        flow.signInAndApprove(this.account.email(), PASSWORD, "openid account:read");
        Hold hold = this.grantSaves.holdNextCodeSave();
        CompletableFuture<HttpResponse<String>> authorize = CompletableFuture.supplyAsync(
                () -> this.browser.get(flow.authorizePath("openid account:read")));
        hold.awaitReached();

        changePasswordAsResourceApiDoes();
        hold.release();

        HttpResponse<String> response = authorize.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).as("the client is told, and gets no code")
                .contains("error=access_denied").doesNotContain("code=");
        assertThat(grantsOfTheAccount()).as("the grant saved after the sign-out was ended").isZero();
    }

    @Test
    void aPasswordUpgradeAtSignInDoesNotUndoAPasswordChangedMeanwhile() throws Exception {
        UUID legacy = UUID.randomUUID();
        String email = "legacy-" + legacy + "@example.com";
        this.jdbc.sql("""
                INSERT INTO users (id, email, name, password_hash, role, enabled, created_at, updated_at)
                VALUES (:id, :email, 'Legacy User', :hash, 'user', true, now(), now())""")
                .param("id", legacy).param("email", email)
                .param("hash", "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD)).update();
        Hold hold = this.gate.holdNextCheck();
        CompletableFuture<HttpResponse<String>> signIn = CompletableFuture.supplyAsync(() -> this.browser.postJson(
                "/api/auth/login", JsonBody.of("email", email, "password", PASSWORD)));
        hold.awaitReached();

        this.accounts.changePassword(legacy, NEW_PASSWORD);
        this.termination.endEverythingOf(legacy, "account.password_changed");
        hold.release();

        assertThat(signIn.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(400);
        String stored = this.jdbc.sql("SELECT password_hash FROM users WHERE id = ?").param(legacy).query(String.class).single();
        assertThat(this.passwordEncoder.matches(NEW_PASSWORD, stored)).as("the change stands").isTrue();
        assertThat(this.passwordEncoder.matches(PASSWORD, stored)).as("the old password was not written back").isFalse();
    }

    @Test
    void aSignInThatBeginsAfterThePasswordChangeWorks() {
        changePasswordAsResourceApiDoes();

        HttpResponse<String> response = this.browser.postJson("/api/auth/login",
                JsonBody.of("email", this.account.email(), "password", NEW_PASSWORD));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(grantsOfTheAccount()).isEqualTo(1);
    }

    /** resource-api's PUT /api/users/me/password: the new hash, then everything the user holds ended, the same way. */
    private void changePasswordAsResourceApiDoes() {
        this.accounts.changePassword(this.account.id(), NEW_PASSWORD);
        this.termination.endEverythingOf(this.account.id(), "account.password_changed");
    }

    private long grantsOfTheAccount() {
        return this.jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE principal_name = ?")
                .param(this.account.id().toString()).query(Long.class).single();
    }
}
