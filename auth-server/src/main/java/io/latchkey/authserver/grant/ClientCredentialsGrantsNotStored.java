package io.latchkey.authserver.grant;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no grant for a {@code client_credentials} token: the token is all there is.
 * <p>
 * NOTE: Spring stores one grant row per client_credentials token, which no one reads
 * again: the token has no refresh token, no user and no session, introspection and
 * revocation judge an access token from itself (revoking it denies its {@code jti}, in
 * PostgreSQL and Redis), and nothing ever deleted those rows. A service asking for a
 * token a second would have added 86,400 rows a day, each written as JSON in the token
 * request's own time. Keycloak likewise keeps no session for this grant.
 */
class ClientCredentialsGrantsNotStored implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService delegate;

    ClientCredentialsGrantsNotStored(OAuth2AuthorizationService delegate) {
        this.delegate = delegate;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            this.delegate.save(authorization);
        }
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
        return this.delegate.findByToken(token, tokenType);
    }
}
