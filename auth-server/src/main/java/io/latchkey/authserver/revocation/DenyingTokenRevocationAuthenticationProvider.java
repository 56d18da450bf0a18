package io.latchkey.authserver.revocation;

import java.time.Instant;

import io.latchkey.store.revocation.RevocationStore;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
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
    private final OwnAccessTokens accessTokens;

    DenyingTokenRevocationAuthenticationProvider(AuthenticationProvider delegate, OAuth2AuthorizationService authorizations,
            RevocationStore revocations, GrantRevoker grantRevoker, OwnAccessTokens accessTokens) {
        this.delegate = delegate;
        this.accessTokens = accessTokens;
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
            denyUnheldAccessToken(tokenValue, result);
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

    /**
     * An access token no grant holds (a refresh replaced it, or it is a client's own
     * client_credentials token, which is not stored) is still accepted until it expires by
     * every server that verifies it: denied by its {@code jti} too, when the client
     * revoking it is the client it was issued to.
     */
    private void denyUnheldAccessToken(String tokenValue, Authentication result) {
        this.accessTokens.verify(tokenValue).ifPresent(token -> {
            if (result.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.getRegisteredClient() != null
                    && client.getRegisteredClient().getClientId().equals(token.getClaimAsString("client_id"))
                    && token.getId() != null) {
                this.revocations.denyToken(token.getId(), token.getExpiresAt());
            }
        });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2TokenRevocationAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
