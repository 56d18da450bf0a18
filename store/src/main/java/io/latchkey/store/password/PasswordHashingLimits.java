package io.latchkey.store.password;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many password hashes may run at once ({@code latchkey.passwords.max-concurrent-hashes});
 * 0, the default, means one per available processor, as many as a third of the heap holds at
 * the Argon2 memory cost (each hash holds its whole cost while it runs), and at least one.
 */
@Validated
@ConfigurationProperties("latchkey.passwords")
public record PasswordHashingLimits(@DefaultValue("0") @Min(0) int maxConcurrentHashes) {

    int permits(int memoryKib) {
        return this.maxConcurrentHashes > 0 ? this.maxConcurrentHashes
                : permits(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(), memoryKib);
    }

    static int permits(int cores, long maxHeapBytes, int memoryKib) {
        long heldByThird = maxHeapBytes / 3 / (memoryKib * 1024L);
        return (int) Math.max(1, Math.min(cores, heldByThird));
    }
}
