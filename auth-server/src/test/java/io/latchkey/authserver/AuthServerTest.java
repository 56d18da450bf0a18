package io.latchkey.authserver;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A full auth-server over real HTTP on a random port, on its own embedded PostgreSQL
 * and Redis (random ports, a fresh data folder), with the local profile's clients. Tests
 * register many accounts from one address, so the sign-up limit is raised (see
 * {@code signup.SignupLimitTest} for the limit itself).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "latchkey.embedded.postgres-port=0",
        "latchkey.embedded.redis-port=0",
        "management.server.port=0",
        "latchkey.embedded.data-directory=target/test-stores/${random.uuid}",
        "latchkey.bootstrap.admin-password=admin-password-for-tests",
        "latchkey.accounts.signup-limit.per-address=100000" })
public @interface AuthServerTest {
}
