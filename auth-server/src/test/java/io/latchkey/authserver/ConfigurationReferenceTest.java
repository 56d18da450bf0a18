package io.latchkey.authserver;

import java.nio.file.Path;

import io.latchkey.testing.ConfigurationReference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every `latchkey.*` property this app binds is in docs/configuration.md (or, for operators' settings, docs/operations.md). */
class ConfigurationReferenceTest {

    @Test
    void everyPropertyThisAppBindsIsInTheReference() throws Exception {
        assertThat(ConfigurationReference.bound()).isNotEmpty();
        assertThat(ConfigurationReference.undocumented(Path.of("../docs/configuration.md"), Path.of("../docs/operations.md")))
                .as("properties missing from the configuration reference").isEmpty();
    }
}
