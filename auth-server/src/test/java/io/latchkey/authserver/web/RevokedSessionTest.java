package io.latchkey.authserver.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.authserver.FreshAccountHttpTest;
import io.latchkey.store.revocation.RevocationStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.latchkey.testing.HttpBrowser.inputValue;
import static io.latchkey.testing.HttpBrowser.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser session ends when its user is signed out everywhere, judged by when it signed in,
 * to the millisecond: no waiting for the next second here.
 */
@AuthServerTest
class RevokedSessionTest extends FreshAccountHttpTest {

    @Autowired
    RevocationStore revocations;

    @Test
    void aSessionSignedInBeforeTheUserWasSignedOutEverywhereIsEnded() {
        HttpResponse<String> page = this.browser.get("/login");
        signIn(page);
        assertThat(this.browser.get("/").statusCode()).isEqualTo(200);

        this.revocations.denyUserTokensIssuedBefore(this.account.id());

        HttpResponse<String> home = this.browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(location(home)).endsWith("/login");
    }

    /** The session began (a visit to the sign-in page) before the denial, but signed in after it. */
    @Test
    void aSessionThatSignsInAfterTheUserWasSignedOutEverywhereStaysSignedIn() {
        HttpResponse<String> page = this.browser.get("/login");
        this.revocations.denyUserTokensIssuedBefore(this.account.id());

        signIn(page);

        assertThat(this.browser.get("/").statusCode()).as("the sign-in after the denial stands").isEqualTo(200);
    }

    private void signIn(HttpResponse<String> loginPage) {
        HttpResponse<String> signedIn = this.browser.postForm("/login", List.of(
                Map.entry("username", this.account.email()), Map.entry("password", PASSWORD),
                Map.entry("_csrf", inputValue(loginPage.body(), "_csrf"))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).doesNotContain("error");
    }
}
