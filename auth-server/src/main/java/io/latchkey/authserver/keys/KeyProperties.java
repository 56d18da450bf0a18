package io.latchkey.authserver.keys;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Signing keys.
 *
 * @param encryptionSecret  encrypts private keys at rest; every instance needs the same one
 * @param previousEncryptionSecrets secrets keys may still be encrypted under, while rotating the secret
 * @param rotationInterval  a new key is made when the newest one is this old
 * @param retiredKeyPublishedFor how long a replaced key stays in JWKS; must outlive every token it signed
 * @param refreshInterval   how often an instance re-reads the keys, to see another instance's rotation
 * @param publishAhead      how long a scheduled rotation publishes the new key before it signs; longer than
 *                          {@code refreshInterval}, so every instance has read it first
 */
@Validated
@ConfigurationProperties("latchkey.keys")
public record KeyProperties(
        @NotBlank @Size(min = 32, message = "must be at least 32 characters") String encryptionSecret,
        @DefaultValue List<String> previousEncryptionSecrets,
        @DefaultValue("P30D") Duration rotationInterval,
        @DefaultValue("P1D") Duration retiredKeyPublishedFor,
        @DefaultValue("PT1M") Duration refreshInterval,
        @DefaultValue("PT10M") Duration publishAhead) {
}
