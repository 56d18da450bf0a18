package io.latchkey.authserver.publicclient;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Opaque refresh tokens (96 random bytes, as Spring's own generator makes them) for every
 * client, public ones included. Spring's generator gives a public client none; the local profile's
 * {@code demo-spa} is registered for rotated ones.
 * <p>
 * CAUTION: a public client cannot keep a secret, so its refresh token is the only thing
 * proving who it is. RFC 9700 allows that only when the token is rotated, so that a stolen
 * copy is detected at its second use: a public registration that reuses refresh tokens gets
 * none.
 */
public final class RotatedRefreshTokenGenerator implements OAuth2TokenGenerator<OAuth2RefreshToken> {

    private final StringKeyGenerator values = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
    private final Clock clock;

    public RotatedRefreshTokenGenerator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public OAuth2RefreshToken generate(OAuth2TokenContext context) {
        if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())) {
            return null;
        }
        RegisteredClient client = context.getRegisteredClient();
        if (isPublic(client) && client.getTokenSettings().isReuseRefreshTokens()) {
            return null;
        }
        Instant issuedAt = this.clock.instant();
        return new OAuth2RefreshToken(this.values.generateKey(), issuedAt,
                issuedAt.plus(client.getTokenSettings().getRefreshTokenTimeToLive()));
    }

    static boolean isPublic(RegisteredClient client) {
        return client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE);
    }
}
