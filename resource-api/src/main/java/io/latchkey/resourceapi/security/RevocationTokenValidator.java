package io.latchkey.resourceapi.security;

import io.latchkey.api.jwt.AccessTokenFacts;
import io.latchkey.store.revocation.RevocationProperties;
import io.latchkey.store.revocation.RevocationStore;
import io.latchkey.store.revocation.RevocationUnavailableException;
import io.latchkey.store.revocation.TokenFacts;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a token that was revoked: by its {@code jti}, its grant ({@code sid}), or its
 * user since an instant. One Redis round trip per request.
 * <p>
 * CAUTION: when Redis cannot answer, a revoked token cannot be told from a good one.
 * By default the request then fails closed (503, see {@link TokenChecksUnavailableFilter});
 * {@code latchkey.revocation.fail-open=true} accepts it and counts
 * {@code latchkey.revocation.fail_open}, for operators who prefer availability.
 */
class RevocationTokenValidator implements OAuth2TokenValidator<Jwt> {

    private static final Logger log = LoggerFactory.getLogger(RevocationTokenValidator.class);

    private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token was revoked", null);

    private final RevocationStore revocations;
    private final RevocationProperties properties;
    private final MeterRegistry meters;

    RevocationTokenValidator(RevocationStore revocations, RevocationProperties properties, MeterRegistry meters) {
        this.revocations = revocations;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        TokenFacts facts = AccessTokenFacts.of(jwt).orElse(null);
        if (facts == null) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                    "The token has no jti or iat", null));
        }
        try {
            return this.revocations.isDenied(facts) ? OAuth2TokenValidatorResult.failure(REVOKED)
                    : OAuth2TokenValidatorResult.success();
        }
        catch (RevocationUnavailableException unavailable) {
            if (!this.properties.failOpen()) {
                throw unavailable;
            }
            this.meters.counter("latchkey.revocation.fail_open").increment();
            log.warn("Revocation check unavailable; accepting token {} because fail-open is configured", jwt.getId());
            return OAuth2TokenValidatorResult.success();
        }
    }
}
