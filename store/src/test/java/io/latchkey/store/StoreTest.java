package io.latchkey.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/** The store module on its own embedded PostgreSQL and Redis, on free ports, with throw-away data. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = StoreTestApplication.class, properties = {
        "latchkey.embedded.postgres-port=0",
        "latchkey.embedded.redis-port=0",
        "spring.data.redis.connect-timeout=1500ms",
        "latchkey.embedded.data-directory=target/test-stores/${random.uuid}" })
public @interface StoreTest {
}
