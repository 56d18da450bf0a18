package io.latchkey.bench;

import java.io.IOException;
import java.nio.file.Path;

import io.latchkey.testing.AppProcess;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What a test that runs the bench needs on this machine: wrk, and the apps' jars. */
final class BenchPrerequisites {

    private BenchPrerequisites() {
    }

    static void assumeWrkAndTheAppsJars() throws IOException {
        assumeTrue(Wrk.available(), "wrk is not installed (apt-get install wrk); .ci/run installs it");
        assumeTrue(AppProcess.findJar(Path.of(".."), "auth-server") != null
                && AppProcess.findJar(Path.of(".."), "resource-api") != null, "the apps' jars are not built");
    }
}
