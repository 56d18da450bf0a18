package io.latchkey.authserver.token;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.latchkey.authserver.audience.Resource;
import io.latchkey.authserver.keys.SigningAlgorithm;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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
 * @param accessTokenAlgorithm how access tokens are signed: RS256 (default) or ES256, whose
 *                   signature costs a fraction of RSA's; ID tokens are always RS256
 * @param verifiedSignatureCacheSize access tokens whose verified signature this server
 *                   remembers until they expire (0: verify every time)
 * @param resources  the resource servers a client may name with RFC 8707's {@code resource}
 *                   parameter, each with the {@code aud} it checks; none by default
 */
@Validated
@ConfigurationProperties("latchkey.tokens")
public record TokenProperties(
        @NotNull @DefaultValue("http://localhost:9000") URI issuer,
        @NotBlank @DefaultValue("latchkey-api") String audience,
        @DefaultValue("PT15M") Duration accessTtl,
        @DefaultValue("P7D") Duration refreshTtl,
        @NotNull @DefaultValue("RS256") SigningAlgorithm accessTokenAlgorithm,
        @DefaultValue("10000") @Min(0) long verifiedSignatureCacheSize,
        @DefaultValue({}) List<@Valid Resource> resources) {

    /** Every algorithm a current key must exist for: RS256 for ID tokens, and the access tokens' one. */
    public Set<SigningAlgorithm> signingAlgorithms() {
        return EnumSet.of(SigningAlgorithm.RS256, this.accessTokenAlgorithm);
    }
}
