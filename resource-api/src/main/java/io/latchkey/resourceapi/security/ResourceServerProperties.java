package io.latchkey.resourceapi.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;


import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.nimbusds.jose.JWSAlgorithm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How resource-api trusts access tokens.
 *
 * @param issuer     the only accepted {@code iss}
 * @param jwkSetUri  where the issuer's keys are fetched; never a URL a token names
 * @param audience   the value {@code aud} must contain
 * @param clockSkew  tolerance on {@code exp}/{@code nbf}
 * @param mode       {@code jwt} (verify signatures locally, check revocation in Redis) or
 *                   {@code introspection} (ask auth-server's /oauth2/introspect about every token)
 * @param introspectionClientId     the client resource-api authenticates as when introspecting
 * @param introspectionClientSecret its secret
 * @param algorithms the JWS algorithms accepted, of RS256, ES256 and EdDSA (auth-server signs
 *                   access tokens RS256 by default, ES256 or EdDSA when configured so); the key
 *                   must match the algorithm
 * @param verifiedSignatureCacheSize how many tokens whose signature verified are remembered until
 *                   they expire (claims and revocation are still checked on every request); 0 turns it off
 */
@Validated
@ConfigurationProperties("latchkey.resource-server")
public record ResourceServerProperties(
        @NotNull @DefaultValue("http://localhost:9000") URI issuer,
        URI jwkSetUri,
        @NotBlank @DefaultValue("latchkey-api") String audience,
        @DefaultValue("PT30S") Duration clockSkew,
        @DefaultValue("jwt") Mode mode,
        String introspectionClientId,
        String introspectionClientSecret,
        @NotEmpty @DefaultValue({ "EdDSA", "ES256", "RS256" }) List<@Pattern(regexp = "RS256|ES256|EdDSA") String> algorithms,
        @Min(0) @DefaultValue("10000") long verifiedSignatureCacheSize) {

    public enum Mode {
        JWT, INTROSPECTION
    }

    /** The accepted algorithms as Nimbus names them. */
    public Set<JWSAlgorithm> jwsAlgorithms() {
        return this.algorithms.stream().map(JWSAlgorithm::parse).collect(Collectors.toSet());
    }

    public URI jwkSetUriOrDefault() {
        return this.jwkSetUri != null ? this.jwkSetUri : URI.create(this.issuer + "/oauth2/jwks");
    }
}
