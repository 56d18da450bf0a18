package io.latchkey.authserver.grant;

import java.util.List;
import java.util.function.UnaryOperator;

import io.latchkey.store.grant.TokenDigests;

import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Grants are stored with a digest of each token in place of the token ({@link TokenDigests}):
 * codes, access, refresh and ID tokens, and the consent or pushed-request {@code state}. A
 * copy of the database, a backup or a read-only SQL injection yields no token to present.
 * <p>
 * A lookup by token asks the store for its digest, and the grant it returns carries the
 * presented token again in place of that one digest, so Spring's providers (which find the
 * presented token in the grant by its value, to revoke or introspect it) work unchanged. The
 * grant's other tokens stay digests; saving keeps a digest as it is and digests the rest.
 */
class TokenDigestingAuthorizationService implements OAuth2AuthorizationService {

    private static final List<Class<? extends AbstractOAuth2Token>> TOKEN_TYPES = List.of(OAuth2AuthorizationCode.class,
            OAuth2AccessToken.class, OidcIdToken.class, OAuth2RefreshToken.class, OAuth2UserCode.class,
            OAuth2DeviceCode.class);

    private final OAuth2AuthorizationService delegate;

    TokenDigestingAuthorizationService(OAuth2AuthorizationService delegate) {
        this.delegate = delegate;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        this.delegate.save(withTokenValues(authorization,
                value -> TokenDigests.isDigest(value) ? value : TokenDigests.of(value)));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        this.delegate.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return this.delegate.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        String digest = TokenDigests.of(token);
        OAuth2Authorization found = this.delegate.findByToken(digest, tokenType);
        return found == null ? null : withTokenValues(found, value -> value.equals(digest) ? token : value);
    }

    /** A copy of the grant with each token value and the {@code state} passed through {@code mapping}. */
    private static OAuth2Authorization withTokenValues(OAuth2Authorization authorization, UnaryOperator<String> mapping) {
        OAuth2Authorization.Builder copy = OAuth2Authorization.from(authorization);
        if (authorization.getAttribute(OAuth2ParameterNames.STATE) instanceof String state) {
            copy.attribute(OAuth2ParameterNames.STATE, mapping.apply(state));
        }
        for (Class<? extends AbstractOAuth2Token> type : TOKEN_TYPES) {
            OAuth2Authorization.Token<? extends AbstractOAuth2Token> held = authorization.getToken(type);
            if (held != null) {
                String value = held.getToken().getTokenValue();
                String mapped = mapping.apply(value);
                if (!mapped.equals(value)) {
                    // The builder keeps the metadata (claims, invalidated) of the token it replaces.
                    copy.token(withValue(held.getToken(), mapped));
                }
            }
        }
        return copy.build();
    }

    private static AbstractOAuth2Token withValue(AbstractOAuth2Token token, String value) {
        return switch (token) {
            case OAuth2AccessToken access -> new OAuth2AccessToken(access.getTokenType(), value, access.getIssuedAt(),
                    access.getExpiresAt(), access.getScopes());
            case OidcIdToken id -> new OidcIdToken(value, id.getIssuedAt(), id.getExpiresAt(), id.getClaims());
            case OAuth2RefreshToken refresh -> new OAuth2RefreshToken(value, refresh.getIssuedAt(), refresh.getExpiresAt());
            case OAuth2AuthorizationCode code -> new OAuth2AuthorizationCode(value, code.getIssuedAt(), code.getExpiresAt());
            case OAuth2UserCode user -> new OAuth2UserCode(value, user.getIssuedAt(), user.getExpiresAt());
            case OAuth2DeviceCode device -> new OAuth2DeviceCode(value, device.getIssuedAt(), device.getExpiresAt());
            default -> throw new IllegalStateException("A token of a type grants do not hold: " + token.getClass().getName());
        };
    }
}
