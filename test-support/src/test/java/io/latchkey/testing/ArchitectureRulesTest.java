package io.latchkey.testing;

import io.latchkey.testing.Architecture.Module;

import com.tngtech.archunit.core.importer.ClassFileImporter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check itself catches what it is for. */
class ArchitectureRulesTest {

    @Test
    void twoPackagesUsingEachOtherAreACycle() {
        assertThatThrownBy(() -> Architecture.check(Module.TEST_SUPPORT,
                new ClassFileImporter().importPackages("io.latchkey.testing.circle")))
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("io.latchkey.testing.circle.one")
                .hasMessageContaining("io.latchkey.testing.circle.two");
    }

    @Test
    void aModuleUsingOneNotBelowItFails() {
        assertThatThrownBy(() -> Architecture.check(Module.TEST_SUPPORT,
                new ClassFileImporter().importPackages("io.latchkey.testing.reach")))
                .hasMessageContaining("io.latchkey.testing.reach.Reaching")
                .hasMessageContaining("io.latchkey.authserver.Above");
    }
}
