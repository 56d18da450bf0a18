package io.latchkey.authserver.revocation;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * RP-initiated logout ends the grant its ID token came from, as well as the browser session:
 * the client's refresh token stops working and its access tokens are denied, so a client that
 * signs its user out leaves nothing behind that still works. Then Spring's handler ends the
 * session and sends the browser back to the client.
 */
final class SignOutEndsTheGrant implements AuthenticationSuccessHandler {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final OAuth2AuthorizationService authorizations;
    private final GrantRevoker grantRevoker;
    private final AuthenticationSuccessHandler signOut = new OidcLogoutAuthenticationSuccessHandler();

    SignOutEndsTheGrant(OAuth2AuthorizationService authorizations, GrantRevoker grantRevoker) {
        this.authorizations = authorizations;
        this.grantRevoker = grantRevoker;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication logout)
            throws IOException, ServletException {
        if (logout instanceof OidcLogoutAuthenticationToken oidc && oidc.getIdToken() != null) {
            OAuth2Authorization grant = this.authorizations.findByToken(oidc.getIdToken().getTokenValue(), ID_TOKEN);
            if (grant != null) {
                RevocationErrors.translate(() -> {
                    this.grantRevoker.revoke(grant, "logout", "RP-initiated logout at the end-session endpoint");
                    return null;
                });
            }
        }
        this.signOut.onAuthenticationSuccess(request, response, logout);
    }
}
