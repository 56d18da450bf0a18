package io.latchkey.authserver.mail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded SMTP server delivers to nobody, so only the local profile (or an explicit yes) gets it. */
class EmbeddedMailGuardTest {

    @Test
    void outsideTheLocalProfileAnAppWithNoMailHostRefusesToStart() {
        assertThatThrownBy(() -> new MailConfiguration().embeddedMailServer(properties(false), environment("production")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.mail.host")
                .hasMessageContaining("latchkey.mail.embedded.allowed");
    }

    @Test
    void inTheLocalProfileItIsARealSmtpServerOnLoopback() throws Exception {
        try (EmbeddedMailServer server = new MailConfiguration().embeddedMailServer(properties(false), environment("local"))) {
            assertThat(greeting(server.port())).startsWith("220");
        }
    }

    @Test
    void elsewhereItStartsOnlyWhenAllowed() throws Exception {
        try (EmbeddedMailServer server = new MailConfiguration().embeddedMailServer(properties(true), environment("trial"))) {
            assertThat(greeting(server.port())).startsWith("220");
        }
    }

    private static String greeting(int port) throws Exception {
        try (Socket smtp = new Socket("127.0.0.1", port)) {
            smtp.setSoTimeout(5_000);
            return new BufferedReader(new InputStreamReader(smtp.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    private static MockEnvironment environment(String profile) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profile);
        return environment;
    }

    private static MailProperties properties(boolean allowed) {
        return new MailProperties("Latchkey <no-reply@latchkey.local>", new MailProperties.Embedded(allowed, 0),
                new MailProperties.Sending(Duration.ofSeconds(1), 20, Duration.ofMinutes(1), Duration.ofSeconds(5),
                        Duration.ofMinutes(30), 10));
    }
}
