package io.latchkey.store;

import java.time.Clock;

import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.password.PasswordHashingConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What every Latchkey server gets from the shared store: the clock, accounts and password hashing. */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@Import(PasswordHashingConfiguration.class)
public class StoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AccountRepository accountRepository(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock) {
        return new AccountRepository(jdbc, passwordEncoder, clock);
    }
}
