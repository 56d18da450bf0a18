package io.latchkey.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference check names each bound property by its kebab-case path, and each one a page leaves out. */
class ConfigurationReferenceTest {

    @Test
    void everyBoundPropertyIsNamedAndThoseAPageLeavesOutAreReported(@TempDir Path folder) throws Exception {
        assertThat(ConfigurationReference.bound()).containsExactly("latchkey.sample.cache-ttl",
                "latchkey.sample.clients[n].client-id", "latchkey.sample.clients[n].redirect-uris",
                "latchkey.sample.signup-limit.per-address");

        Path page = Files.writeString(folder.resolve("configuration.md"), """
                | `latchkey.sample.cache-ttl` | `PT1M` | how long |
                | `latchkey.sample.clients[n].client-id` | | the id |
                latchkey.sample.signup-limit.per-address, named but not as a property
                """);

        assertThat(ConfigurationReference.undocumented(page)).containsExactly("latchkey.sample.clients[n].redirect-uris",
                "latchkey.sample.signup-limit.per-address");
    }
}
