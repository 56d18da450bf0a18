package io.latchkey.authserver.authorization;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What every issued token shares.
 *
 * @param issuer     the {@code iss} of every token and the base of the discovery documents
 * @param audience   the resource server named in access tokens' {@code aud}
 * @param accessTtl  access-token lifetime
 * @param refreshTtl refresh-token lifetime (rotated at every use)
 */
@Validated
@ConfigurationProperties("latchkey.tokens")
public record TokenProperties(
        @NotNull @DefaultValue("http://localhost:9000") URI issuer,
        @NotBlank @DefaultValue("latchkey-api") String audience,
        @DefaultValue("PT15M") Duration accessTtl,
        @DefaultValue("P7D") Duration refreshTtl) {
}
