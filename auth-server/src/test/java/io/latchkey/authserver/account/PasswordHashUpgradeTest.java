package io.latchkey.authserver.account;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.testing.HttpBrowser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServerTest
class PasswordHashUpgradeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void newPasswordsAreHashedWithArgon2id() {
        assertThat(this.passwordEncoder.encode("a new password")).startsWith("{argon2}$argon2id$");
    }

    @Test
    void aBcryptHashIsUpgradedToArgon2AtSignIn() {
        UUID id = UUID.randomUUID();
        String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder().encode("an old bcrypt password");
        this.jdbc.sql("""
                INSERT INTO users (id, email, name, password_hash, role, enabled, created_at, updated_at)
                VALUES (:id, :email, 'Legacy User', :hash, 'user', true, :now, :now)
                """)
                .param("id", id).param("email", "legacy-" + id + "@example.com").param("hash", bcrypt)
                .param("now", Timestamp.from(Instant.now()))
                .update();

        HttpBrowser browser = new HttpBrowser("http://localhost:" + this.port);
        String csrf = HttpBrowser.inputValue(browser.get("/login").body(), "_csrf");
        HttpResponse<String> signIn = browser.postForm("/login", List.of(
                Map.entry("username", "legacy-" + id + "@example.com"),
                Map.entry("password", "an old bcrypt password"),
                Map.entry("_csrf", csrf)));

        assertThat(HttpBrowser.location(signIn)).doesNotContain("error");
        String stored = this.jdbc.sql("SELECT password_hash FROM users WHERE id = :id").param("id", id)
                .query(String.class).single();
        assertThat(stored).startsWith("{argon2}$argon2id$");
        assertThat(this.passwordEncoder.matches("an old bcrypt password", stored)).isTrue();
    }
}
