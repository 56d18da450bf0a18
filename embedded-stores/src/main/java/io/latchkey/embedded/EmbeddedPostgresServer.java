package io.latchkey.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * A real PostgreSQL server (zonky's binaries) whose data lives in a local folder,
 * so accounts, clients and signing keys survive a restart. When a fixed port is
 * configured and a PostgreSQL server already answers there (another Latchkey app
 * started it), this attaches to it instead of starting a second one.
 */
public final class EmbeddedPostgresServer implements JdbcConnectionDetails, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private EmbeddedPostgres postgres;
    private final int port;
    private final Path directory;
    private final boolean stopWhenThisJvmExits;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port, Path directory, boolean stopWhenThisJvmExits) {
        this.postgres = postgres;
        this.port = port;
        this.directory = directory;
        this.stopWhenThisJvmExits = stopWhenThisJvmExits;
    }

    /** Starts (or attaches to) PostgreSQL; it stops when this JVM exits, if nothing closed it before. */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) throws IOException {
        return start(dataDirectory, port, true);
    }

    /**
     * As {@link #start(Path, int)}; with {@code stopWhenThisJvmExits} false, the caller stops it,
     * e.g. only after the apps that use it (zonky's own hook runs alongside every other hook).
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean stopWhenThisJvmExits) throws IOException {
        if (port > 0 && answers(port)) {
            log.info("Attaching to the PostgreSQL already running on port {}", port);
            return new EmbeddedPostgresServer(null, port, null, false);
        }
        Path directory = dataDirectory.resolve("postgres").toAbsolutePath();
        Files.createDirectories(directory);
        EmbeddedPostgres postgres = launch(directory, port, stopWhenThisJvmExits);
        log.info("Started embedded PostgreSQL on port {} with data in {}", postgres.getPort(), directory);
        return new EmbeddedPostgresServer(postgres, postgres.getPort(), directory, stopWhenThisJvmExits);
    }

    private static EmbeddedPostgres launch(Path directory, int port, boolean stopWhenThisJvmExits) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(stopWhenThisJvmExits)
                .start();
    }

    /** Stops the server, as an outage of PostgreSQL would look to its clients. */
    public synchronized void stop() throws IOException {
        if (this.postgres != null) {
            this.postgres.close();
            this.postgres = null;
        }
    }

    /** Starts it again on the same port and data folder (after {@link #stop()}). */
    public synchronized void restart() throws IOException {
        if (this.postgres == null && this.directory != null) {
            this.postgres = launch(this.directory, this.port, this.stopWhenThisJvmExits);
        }
    }

    static boolean answers(int port) {
        try (var ignored = DriverManager.getConnection(url(port), "postgres", "")) {
            return true;
        }
        catch (SQLException notThere) {
            return false;
        }
    }

    private static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public int port() {
        return this.port;
    }

    @Override
    public String getJdbcUrl() {
        return url(this.port);
    }

    @Override
    public String getUsername() {
        return "postgres";
    }

    @Override
    public String getPassword() {
        return "";
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
