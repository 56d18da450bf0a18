package io.latchkey.store.password;

import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PasswordHashingProperties.class, PasswordHashingLimits.class })
public class PasswordHashingConfiguration {

    static final String ARGON2 = "argon2";

    @Bean
    PasswordEncoder passwordEncoder(PasswordHashingProperties argon2, PasswordHashingLimits limits) {
        // NOTE: the id prefix ({argon2}, {bcrypt}) is stored with each hash, so the
        // default can change later and old hashes keep verifying until they upgrade.
        int permits = limits.permits(argon2.memoryKib());
        var encoders = Map.<String, PasswordEncoder>of(
                ARGON2, new PooledArgon2PasswordEncoder(argon2.memoryKib(), argon2.iterations(), argon2.parallelism(), permits),
                "bcrypt", new BCryptPasswordEncoder());
        return new BoundedPasswordEncoder(new DelegatingPasswordEncoder(ARGON2, encoders), permits);
    }
}
