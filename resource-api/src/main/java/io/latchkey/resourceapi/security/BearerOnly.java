package io.latchkey.resourceapi.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token bound to a key ({@code cnf}: a DPoP key's {@code jkt}, RFC 9449, or a client
 * certificate's {@code x5t#S256}, RFC 8705) is refused as a bearer token, so that whoever
 * holds a copy of it cannot replay it without the key (RFC 9449 7.1). resource-api accepts
 * bearer tokens only.
 */
final class BearerOnly implements OAuth2TokenValidator<Jwt> {

    static final String CONFIRMATION = "cnf";

    private static final OAuth2Error BOUND = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token is bound to a key and cannot be used as a bearer token", null);

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        return token.hasClaim(CONFIRMATION) ? OAuth2TokenValidatorResult.failure(BOUND) : OAuth2TokenValidatorResult.success();
    }
}
