package io.latchkey.authserver;

import io.latchkey.testing.ComposeServiceTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** auth-server's service in docker-compose.yml, and the stores it needs. */
class DockerComposeServiceTest extends ComposeServiceTests {

    DockerComposeServiceTest() {
        super("auth-server");
    }

    @Test
    void storesAreThereWithPersistence() {
        assertThat(this.compose.services()).contains("postgres", "redis", "auth-server", "resource-api", "demo-client");
        assertThat(this.compose.service("redis").get("command").toString()).contains("--appendonly", "yes");
        assertThat(this.compose.service("postgres").get("volumes").toString()).contains("/var/lib/postgresql/data");
    }

    @Test
    void mailGoesToMailpit() {
        assertThat(this.compose.services()).contains("mailpit");
        assertThat(this.compose.service("auth-server").get("environment").toString())
                .contains("SPRING_MAIL_HOST=mailpit", "SPRING_MAIL_PORT=1025");
    }
}
