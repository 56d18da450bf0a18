package io.latchkey.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code redis-server} process on loopback: started until it answers PING, stopped
 * with SIGTERM (then killed after a bound), frozen and thawed with SIGSTOP and SIGCONT.
 */
final class RedisProcess {

    private static final Logger log = LoggerFactory.getLogger(RedisProcess.class);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final List<String> command;
    private final Path directory;
    private final int port;
    private Process process;

    RedisProcess(List<String> command, Path directory, int port) {
        this.command = command;
        this.directory = directory;
        this.port = port;
    }

    /** Starts it, its output appended to {@code redis-server.out}, and waits until it answers. */
    synchronized void launch() throws IOException {
        Path output = this.directory.resolve("redis-server.out");
        this.process = new ProcessBuilder(this.command)
                .directory(this.directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!answersPing(this.port)) {
            if (!this.process.isAlive() || Instant.now().isAfter(deadline)) {
                this.process.destroyForcibly();
                throw new IOException("Embedded Redis did not start on port " + this.port + "; its output is in " + output);
            }
            pause();
        }
    }

    synchronized boolean isAlive() {
        return this.process != null && this.process.isAlive();
    }

    /** SIGTERM: Redis writes its append-only file and exits; killed if it has not within the bound. */
    synchronized void stop() throws IOException {
        if (!isAlive()) {
            return;
        }
        this.process.destroy();
        try {
            if (!this.process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Embedded Redis on port {} did not stop within {}; killing it", this.port, STOP_TIMEOUT);
                this.process.destroyForcibly().waitFor();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            this.process.destroyForcibly();
            throw new IOException("Interrupted while Redis was stopping", ex);
        }
    }

    /** Sends {@code kill -STOP} or {@code -CONT}; nothing when it is not running. */
    synchronized void signal(String signal) throws IOException {
        if (!isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", signal, Long.toString(this.process.pid())).inheritIO().start().waitFor();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while signalling Redis", ex);
        }
    }

    /** Whether a Redis on loopback {@code port} answers PING within a second. */
    static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        }
        catch (IOException notThere) {
            return false;
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(20);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while Redis was starting", ex);
        }
    }
}
