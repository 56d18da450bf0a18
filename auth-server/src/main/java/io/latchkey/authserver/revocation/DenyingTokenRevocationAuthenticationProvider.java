package io.latchkey.authserver.revocation;

import java.time.Instant;

import io.latchkey.store.revocation.RevocationStore;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;

/**
 * {@code /oauth2/revoke} (RFC 7009) that reaches the resource servers too: revoking an
 * access token denies its {@code jti}; revoking a refresh token ends its whole grant,
 * so the access tokens issued with it stop working at once.
 */
class DenyingTokenRevocationAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final OAuth2AuthorizationService authorizations;
    private final RevocationStore revocations;
    private final GrantRevoker grantRevoker;

    DenyingTokenRevocationAuthenticationProvider(AuthenticationProvider delegate, OAuth2AuthorizationService authorizations,
            RevocationStore revocations, GrantRevoker grantRevoker) {
        this.delegate = delegate;
        this.authorizations = authorizations;
        this.revocations = revocations;
        this.grantRevoker = grantRevoker;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String tokenValue = ((OAuth2TokenRevocationAuthenticationToken) authentication).getToken();
        OAuth2Authorization grant = this.authorizations.findByToken(tokenValue, null);
        // The delegate checks the client owns the token and marks it invalidated.
        Authentication result = this.delegate.authenticate(authentication);
        if (grant == null) {
            return result;
        }
        OAuth2Authorization.Token<OAuth2AccessToken> access = grant.getAccessToken();
        if (access != null && access.getToken().getTokenValue().equals(tokenValue)) {
            Object jti = access.getClaims() == null ? null : access.getClaims().get("jti");
            if (jti != null) {
                Instant expiresAt = access.getToken().getExpiresAt();
                this.revocations.denyToken(jti.toString(), expiresAt);
            }
        }
        else if (grant.getRefreshToken() != null && grant.getRefreshToken().getToken().getTokenValue().equals(tokenValue)) {
            this.grantRevoker.revoke(grant, "grant.revoked", "refresh token revoked by its client");
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2TokenRevocationAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
