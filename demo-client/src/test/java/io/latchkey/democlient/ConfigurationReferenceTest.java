package io.latchkey.democlient;

import io.latchkey.testing.ConfigurationReference;
import org.junit.jupiter.api.Test;

/** Every `latchkey.*` property this app binds is in docs/configuration.md or docs/operations.md. */
class ConfigurationReferenceTest {

    @Test
    void everyPropertyThisAppBindsIsInTheReference() throws Exception {
        ConfigurationReference.check();
    }
}
