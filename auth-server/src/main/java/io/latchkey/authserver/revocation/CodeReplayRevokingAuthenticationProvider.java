package io.latchkey.authserver.revocation;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;

/**
 * The {@code authorization_code} grant, where a code presented again revokes what it was
 * exchanged for (RFC 6749 section 4.1.2, RFC 9700 section 4.2.4): someone other than the
 * client may hold the code, and so the tokens.
 * <p>
 * Spring's provider already refuses the replay and marks the grant's tokens invalid in its
 * row, but access tokens are judged by their signature and the denials, not by that row.
 * So once Spring has marked them, the grant is revoked like any other: its {@code sid} is
 * denied and the grant removed.
 */
class CodeReplayRevokingAuthenticationProvider implements AuthenticationProvider {

    static final String REPLAY_AUDIT_TYPE = "authorization_code.reused";

    private static final OAuth2TokenType AUTHORIZATION_CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

    private final AuthenticationProvider delegate;
    private final OAuth2AuthorizationService authorizations;
    private final GrantRevoker grantRevoker;

    CodeReplayRevokingAuthenticationProvider(AuthenticationProvider delegate, OAuth2AuthorizationService authorizations,
            GrantRevoker grantRevoker) {
        this.delegate = delegate;
        this.authorizations = authorizations;
        this.grantRevoker = grantRevoker;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return this.delegate.authenticate(authentication);
        }
        catch (OAuth2AuthenticationException refused) {
            if (OAuth2ErrorCodes.INVALID_GRANT.equals(refused.getError().getErrorCode())) {
                revokeIfReplayed(((OAuth2AuthorizationCodeAuthenticationToken) authentication).getCode());
            }
            throw refused;
        }
    }

    private void revokeIfReplayed(String code) {
        OAuth2Authorization grant = this.authorizations.findByToken(code, AUTHORIZATION_CODE);
        if (grant == null) {
            return;
        }
        OAuth2Authorization.Token<OAuth2AccessToken> accessToken = grant.getAccessToken();
        if (accessToken != null && accessToken.isInvalidated()) {
            this.grantRevoker.revoke(grant, REPLAY_AUDIT_TYPE, "a redeemed authorization code was presented again");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2AuthorizationCodeAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
