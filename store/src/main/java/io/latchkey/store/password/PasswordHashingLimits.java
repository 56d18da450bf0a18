package io.latchkey.store.password;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many password hashes may run at once ({@code latchkey.passwords.max-concurrent-hashes});
 * 0, the default, means one per available processor.
 */
@Validated
@ConfigurationProperties("latchkey.passwords")
public record PasswordHashingLimits(@DefaultValue("0") @Min(0) int maxConcurrentHashes) {

    int permits() {
        return this.maxConcurrentHashes > 0 ? this.maxConcurrentHashes : Runtime.getRuntime().availableProcessors();
    }
}
