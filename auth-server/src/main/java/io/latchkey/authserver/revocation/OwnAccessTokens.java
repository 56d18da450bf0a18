package io.latchkey.authserver.revocation;

import java.util.Optional;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Tells whether a presented token is a live access token of this issuer: a JWS whose
 * signature verifies with one of this server's keys, {@code typ: at+jwt}, this issuer,
 * not expired. Revocation is not judged here.
 */
class OwnAccessTokens {

    private final JwtDecoder decoder;

    OwnAccessTokens(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    /** The verified token, or empty for anything else (an opaque token, a forged or expired one). */
    Optional<Jwt> verify(String token) {
        if (!looksLikeJws(token)) {
            return Optional.empty();
        }
        try {
            return Optional.of(this.decoder.decode(token));
        }
        catch (JwtException notOurs) {
            return Optional.empty();
        }
    }

    /** Three base64url parts: refresh tokens and codes never look like this, so they skip the parse. */
    private static boolean looksLikeJws(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        return second > 0 && token.indexOf('.', second + 1) < 0;
    }
}
