package io.latchkey.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every app's service in docker-compose.yml must satisfy, checked from that app's own
 * classpath (docker-compose.yml cannot run where Latchkey is developed: no Docker engine).
 * Each app's test extends this with its service name.
 */
public abstract class ComposeServiceTests {

    private final String service;

    protected ComposeFile compose;

    protected ComposeServiceTests(String service) {
        this.service = service;
    }

    @BeforeEach
    void load() throws Exception {
        this.compose = ComposeFile.load(Path.of("..", "docker-compose.yml"));
    }

    @Test
    void everyVariableTheComposeFileSetsIsOneThisAppReads() {
        assertThat(this.compose.environmentOf(this.service)).isNotEmpty();
        assertThat(this.compose.unreadVariables(this.service)).isEmpty();
    }

    @Test
    void aMisspelledVariableWouldBeCaught() {
        ComposeFile.KnownProperties known = ComposeFile.KnownProperties.fromClasspath();
        assertThat(known.reads("SPRING_DATASOURCE_URLL")).isFalse();
        assertThat(known.reads("LATCHKEY_MADE_UP_SETTING")).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void serviceIsBuiltAsThisAppAndHealthCheckedOnReadiness() {
        Map<String, Object> definition = this.compose.service(this.service);
        Map<String, Object> build = (Map<String, Object>) definition.get("build");
        assertThat(Files.exists(Path.of("..").resolve((String) build.get("dockerfile")))).isTrue();
        assertThat(((Map<String, Object>) build.get("args")).get("APP")).as("builds this app").isEqualTo(this.service);
        assertThat((List<String>) ((Map<String, Object>) definition.get("healthcheck")).get("test"))
                .anyMatch(part -> part.endsWith("/readyz"));
        assertThat((Map<String, Object>) definition.get("depends_on")).allSatisfy((name, condition) ->
                assertThat(((Map<String, Object>) condition).get("condition")).isEqualTo("service_healthy"));
    }
}
