package io.latchkey.api.jwt;

import java.util.Optional;

import io.latchkey.store.revocation.TokenFacts;

import org.springframework.security.oauth2.jwt.Jwt;

/** What the revocation check needs from a Latchkey access token: {@code jti}, {@code sid}, {@code sub}, {@code iat}. */
public final class AccessTokenFacts {

    private AccessTokenFacts() {
    }

    /** The facts, or empty when the token lacks a {@code jti} or an {@code iat}, without which no denial can be checked. */
    public static Optional<TokenFacts> of(Jwt token) {
        if (token.getId() == null || token.getIssuedAt() == null) {
            return Optional.empty();
        }
        return Optional.of(new TokenFacts(token.getId(), token.getClaimAsString("sid"), token.getSubject(),
                token.getIssuedAt()));
    }
}
