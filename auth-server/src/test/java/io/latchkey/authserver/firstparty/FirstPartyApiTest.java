package io.latchkey.authserver.firstparty;

import java.net.http.HttpResponse;

import io.latchkey.store.audit.AuditLog;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test of the first-party JSON API over HTTP: a new client and a new, unregistered email each time. */
abstract class FirstPartyApiTest {

    protected static final String PASSWORD = "a good long password";

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    HttpBrowser http;

    String email;

    @BeforeEach
    void newClientAndEmail() {
        this.http = new HttpBrowser("http://localhost:" + this.port);
        this.email = "api-" + AuthorizationCodeFlow.randomToken().substring(0, 10).toLowerCase().replaceAll("[^a-z0-9]", "x")
                + "@example.com";
    }

    protected HttpResponse<String> register(String email, String password, String confirm) {
        return this.http.postJson("/api/auth/register",
                JsonBody.of("name", "Api User", "email", email, "password", password, "passwordConfirm", confirm));
    }

    protected HttpResponse<String> registerNamed(String name, String email, String password) {
        return this.http.postJson("/api/auth/register",
                JsonBody.of("name", name, "email", email, "password", password, "passwordConfirm", password));
    }

    protected HttpResponse<String> login(String email, String password) {
        return this.http.postJson("/api/auth/login", JsonBody.of("email", email, "password", password));
    }
}
