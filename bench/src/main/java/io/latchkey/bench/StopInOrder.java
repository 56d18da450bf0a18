package io.latchkey.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Stops what the bench started, the last started first: the apps before the Redis and the
 * PostgreSQL they use. It runs on {@link #close()}, or when the JVM exits first (Ctrl-C,
 * SIGTERM).
 * <p>
 * NOTE: JVM shutdown hooks run all at once. With a hook per process, PostgreSQL stopped
 * under a request still in flight, the request waited out Hikari's 30 s connection
 * timeout, and the app's graceful shutdown waited for the request.
 */
final class StopInOrder implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Thread onExit = new Thread(this::stopAll, "bench-stop-in-order");

    StopInOrder() {
        Runtime.getRuntime().addShutdownHook(this.onExit);
    }

    /** Stopped before everything added earlier. */
    synchronized <T extends AutoCloseable> T add(T process) {
        this.started.push(process);
        return process;
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(this.onExit);
        }
        catch (IllegalStateException exiting) {
            // closed while the JVM exits: the hook finds nothing left to stop
        }
    }

    private synchronized void stopAll() {
        for (AutoCloseable process = this.started.poll(); process != null; process = this.started.poll()) {
            try {
                process.close();
            }
            catch (Exception ex) {
                System.err.println("Could not stop " + process + ": " + ex.getMessage());
            }
        }
    }
}
