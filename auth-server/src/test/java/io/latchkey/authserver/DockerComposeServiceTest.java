package io.latchkey.authserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.latchkey.testing.ComposeFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml cannot run here (no Docker engine), so this keeps it honest against the app's configuration. */
class DockerComposeServiceTest {

    private static final String SERVICE = "auth-server";

    ComposeFile compose;

    @BeforeEach
    void load() throws Exception {
        this.compose = ComposeFile.load(Path.of("..", "docker-compose.yml"));
    }

    @Test
    void everyVariableTheComposeFileSetsIsOneThisAppReads() {
        assertThat(this.compose.environmentOf(SERVICE)).isNotEmpty();
        assertThat(this.compose.unreadVariables(SERVICE)).isEmpty();
    }

    @Test
    void storesAreThereWithPersistence() {
        assertThat(this.compose.services()).contains("postgres", "redis", "auth-server", "resource-api", "demo-client");
        assertThat(this.compose.service("redis").get("command").toString()).contains("--appendonly", "yes");
        assertThat(this.compose.service("postgres").get("volumes").toString()).contains("/var/lib/postgresql/data");
    }

    @Test
    void aMisspelledVariableWouldBeCaught() {
        ComposeFile.KnownProperties known = ComposeFile.KnownProperties.fromClasspath();
        assertThat(known.reads("SPRING_DATASOURCE_URLL")).isFalse();
        assertThat(known.reads("LATCHKEY_MADE_UP_SETTING")).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void serviceIsBuiltFromItsDockerfileAndHealthCheckedOnReadiness() {
        Map<String, Object> service = this.compose.service(SERVICE);
        Map<String, Object> build = (Map<String, Object>) service.get("build");
        assertThat(Files.exists(Path.of("..").resolve((String) build.get("dockerfile")))).isTrue();
        assertThat((List<String>) ((Map<String, Object>) service.get("healthcheck")).get("test")).anyMatch(part -> part.endsWith("/readyz"));
        assertThat((Map<String, Object>) service.get("depends_on")).allSatisfy((name, condition) ->
                assertThat(((Map<String, Object>) condition).get("condition")).isEqualTo("service_healthy"));
    }
}
