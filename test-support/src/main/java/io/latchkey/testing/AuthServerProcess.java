package io.latchkey.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * auth-server as its own process on the given PostgreSQL and Redis, so tests of other
 * modules talk to it over real HTTP and share its stores.
 */
public final class AuthServerProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private final AppProcess app;

    private AuthServerProcess(AppProcess app) {
        this.app = app;
    }

    /**
     * Starts auth-server and waits until it is ready.
     * @param issuer the issuer every instance shares (instances behind one load balancer have one
     *               issuer); null makes it this instance's own URL
     */
    public static AuthServerProcess start(String jdbcUrl, int redisPort, String issuer, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("SPRING_DATA_REDIS_HOST", "127.0.0.1");
        env.put("SPRING_DATA_REDIS_PORT", Integer.toString(redisPort));
        env.put("LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Tests register many accounts from one address; a test of the sign-up limit sets its own.
        env.put("LATCHKEY_ACCOUNTS_SIGNUPLIMIT_PERADDRESS", "100000");
        if (issuer != null) {
            env.put("LATCHKEY_TOKENS_ISSUER", issuer);
        }
        env.putAll(extraEnv);
        return new AuthServerProcess(AppProcess.start("auth-server", env, issuer == null));
    }

    public String baseUrl() {
        return this.app.baseUrl();
    }

    /** Where its standard output and error go. */
    public Path log() {
        return this.app.log();
    }

    /** See {@link AppProcess#terminate}. */
    public Optional<Duration> terminate(Duration patience) throws InterruptedException {
        return this.app.terminate(patience);
    }

    @Override
    public void close() {
        this.app.close();
    }
}
