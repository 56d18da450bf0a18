package io.latchkey.api.lifecycle;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline is armed only while Spring Boot's shutdown hook stops the process; a context
 * closed while the process goes on (as tests close theirs) never ends the process. (That it
 * ends a process that would not stop in time: demo-client's BoundedShutdownTest.)
 */
class ShutdownDeadlineTest {

    @Test
    void onlySpringBootsShutdownHookStopsTheProcess() throws Exception {
        assertThat(ShutdownDeadline.stoppingTheProcess()).as("a test's own thread").isFalse();

        CompletableFuture<Boolean> onTheHook = new CompletableFuture<>();
        Thread hook = new Thread(() -> onTheHook.complete(ShutdownDeadline.stoppingTheProcess()), "SpringApplicationShutdownHook");
        hook.start();
        assertThat(onTheHook.get()).isTrue();

        CompletableFuture<Boolean> onSpringsOwnHook = new CompletableFuture<>();
        Thread contextHook = new Thread(() -> onSpringsOwnHook.complete(ShutdownDeadline.stoppingTheProcess()),
                "SpringContextShutdownHook");
        contextHook.start();
        assertThat(onSpringsOwnHook.get()).as("the test framework's hook, closing cached contexts").isFalse();
    }
}
