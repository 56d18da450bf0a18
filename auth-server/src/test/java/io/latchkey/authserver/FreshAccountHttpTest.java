package io.latchkey.authserver;

import io.latchkey.store.account.Account;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.Role;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.TestEmails;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test over HTTP against an {@link AuthServerTest}: each test gets a new browser, signed out, and a new account. */
public abstract class FreshAccountHttpTest {

    protected static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    protected int port;

    @Autowired
    protected AccountRepository accounts;

    protected HttpBrowser browser;
    protected Account account;

    @BeforeEach
    void newBrowserAndAccount() {
        this.browser = new HttpBrowser("http://localhost:" + this.port);
        this.account = this.accounts.create(TestEmails.unique("ada"), "Ada Lovelace", PASSWORD, Role.USER);
    }
}
