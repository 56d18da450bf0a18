package io.latchkey.api.lifecycle;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Ends the process if stopping it takes longer than {@code latchkey.shutdown.timeout}.
 * Spring's graceful shutdown bounds how long in-flight requests may finish, but not what
 * comes after it: closing a connection pool whose database is gone, or a Redis client whose
 * server hangs, may wait on timeouts of their own, and an orchestrator would wait out its
 * grace period on every deploy during an outage. Armed when Spring Boot's shutdown hook (the
 * process was asked to stop: SIGTERM, Ctrl-C) begins to close the context, and only then: a
 * context closed while the process goes on (a test's, one closed by its owner) is left alone.
 */
public final class ShutdownDeadline implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDeadline.class);

    /** The thread Spring Boot runs its shutdown hook on ({@code SpringApplicationShutdownHook}). */
    private static final String BOOT_SHUTDOWN_HOOK = "SpringApplicationShutdownHook";

    /** The exit status of a process ended by SIGTERM, which is what asked for this. */
    static final int TERMINATED = 143;

    private final Duration timeout;

    public ShutdownDeadline(ShutdownProperties properties) {
        this.timeout = properties.timeout();
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent closing) {
        if (closing.getApplicationContext().getParent() != null || !stoppingTheProcess()) {
            return; // NOTE: a child context (the management server's) closes with its parent
        }
        Thread deadline = new Thread(this::haltWhenDue, "shutdown-deadline");
        deadline.setDaemon(true);
        deadline.start();
    }

    static boolean stoppingTheProcess() {
        return BOOT_SHUTDOWN_HOOK.equals(Thread.currentThread().getName());
    }

    private void haltWhenDue() {
        try {
            Thread.sleep(this.timeout);
        }
        catch (InterruptedException ex) {
            return;
        }
        log.warn("Still stopping after {} (latchkey.shutdown.timeout); ending the process now", this.timeout);
        Runtime.getRuntime().halt(TERMINATED);
    }
}
