package io.latchkey.store.password;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Argon2id cost. The defaults are OWASP's first recommendation (19 MiB, 2 passes,
 * one lane); OWASP's equivalent "7 MiB, 5 passes" is another valid choice.
 */
@Validated
@ConfigurationProperties("latchkey.passwords.argon2")
public record PasswordHashingProperties(
        @DefaultValue("19456") @Min(7168) int memoryKib,
        @DefaultValue("2") @Min(1) int iterations,
        @DefaultValue("1") @Min(1) int parallelism) {
}
