package io.latchkey.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.latchkey.embedded.EmbeddedStoresAutoConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.test.context.TestPropertySource;

/**
 * A repository on the JDBC slice alone: the embedded PostgreSQL with Latchkey's schema, no
 * Redis client, no services; each test's writes are rolled back when it ends.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(EmbeddedStoresAutoConfiguration.class)
@TestPropertySource(properties = {
        "latchkey.embedded.postgres-port=0",
        "latchkey.embedded.redis-port=0",
        "latchkey.embedded.data-directory=target/test-stores/${random.uuid}" })
public @interface RepositoryTest {
}
