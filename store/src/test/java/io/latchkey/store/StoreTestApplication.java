package io.latchkey.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The store on its own, on the embedded PostgreSQL and Redis, with a clock tests can move. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StoreTestApplication {

    @Bean
    MovableClock clock() {
        return new MovableClock(Instant.parse("2026-01-01T10:00:10.500Z"));
    }

    /** A clock that stays where a test puts it. */
    public static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public Instant instant() {
            return this.now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
