package io.latchkey.authserver.firstparty;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;

/** The JSON API's response bodies. */
final class AuthResponses {

    private AuthResponses() {
    }

    /** The same fields as an OAuth token response (RFC 6749 section 5.1). */
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            String scope) {

        static TokenResponse of(OAuth2AccessTokenAuthenticationToken tokens) {
            var access = tokens.getAccessToken();
            return new TokenResponse(access.getTokenValue(),
                    tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getTokenValue(),
                    access.getTokenType().getValue(),
                    Duration.between(Instant.now(), access.getExpiresAt()).toSeconds(),
                    String.join(" ", access.getScopes()));
        }
    }
}
