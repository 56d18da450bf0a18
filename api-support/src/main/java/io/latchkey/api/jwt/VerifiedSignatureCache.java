package io.latchkey.api.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A JwtDecoder that verifies a token's signature once and remembers the result until the
 * token expires, while its claims (expiry, issuer, audience, type) and its revocation are
 * validated on every request. A client sends the same access token many times in its
 * 15 minutes; after the first, the request costs a map lookup instead of a signature check.
 * Only tokens whose signature verified are remembered, at most {@code maximumSize} of them.
 */
public final class VerifiedSignatureCache implements JwtDecoder {

    private final JwtDecoder signatureVerifier;
    private final OAuth2TokenValidator<Jwt> claimsValidator;
    private final Cache<String, Jwt> verified;

    /**
     * @param signatureVerifier parses and verifies signatures only; validates no claims
     * @param claimsValidator   runs on every decode, cached or not
     * @param maximumSize       tokens remembered; 0 verifies every time
     */
    public VerifiedSignatureCache(JwtDecoder signatureVerifier, OAuth2TokenValidator<Jwt> claimsValidator, long maximumSize,
            Clock clock) {
        this.signatureVerifier = signatureVerifier;
        this.claimsValidator = claimsValidator;
        // NOTE: Caffeine evicts asynchronously, so a size of 0 would still remember for a moment.
        this.verified = maximumSize == 0 ? null : Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> untilExpiry(jwt, clock)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = this.verified == null ? this.signatureVerifier.decode(token)
                : this.verified.get(token, this.signatureVerifier::decode);
        OAuth2TokenValidatorResult result = this.claimsValidator.validate(jwt);
        if (result.hasErrors()) {
            String description = result.getErrors().iterator().next().getDescription();
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: " + description,
                    result.getErrors());
        }
        return jwt;
    }

    private static Duration untilExpiry(Jwt jwt, Clock clock) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
