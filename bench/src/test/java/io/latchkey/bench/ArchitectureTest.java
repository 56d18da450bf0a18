package io.latchkey.bench;

import io.latchkey.testing.Architecture;
import io.latchkey.testing.Architecture.Module;

import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void noPackageCyclesAndNoModuleAbove() {
        Architecture.check(Module.BENCH);
    }
}
