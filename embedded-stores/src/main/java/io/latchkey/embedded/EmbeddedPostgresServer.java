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

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
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
            return new EmbeddedPostgresServer(null, port);
        }
        Path directory = dataDirectory.resolve("postgres").toAbsolutePath();
        Files.createDirectories(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(stopWhenThisJvmExits)
                .start();
        log.info("Started embedded PostgreSQL on port {} with data in {}", postgres.getPort(), directory);
        return new EmbeddedPostgresServer(postgres, postgres.getPort());
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
        if (this.postgres != null) {
            this.postgres.close();
        }
    }
}
