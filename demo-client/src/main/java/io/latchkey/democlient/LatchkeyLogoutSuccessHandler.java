package io.latchkey.democlient;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OpenID Connect RP-initiated logout: after ending the demo's own session, send the browser
 * to Latchkey's {@code /connect/logout} with the ID token, so the Latchkey session ends too
 * and the browser comes back to the home page.
 */
class LatchkeyLogoutSuccessHandler implements LogoutSuccessHandler {

    private final DemoClientProperties properties;

    LatchkeyLogoutSuccessHandler(DemoClientProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String home = UriComponentsBuilder.fromUriString(request.getRequestURL().toString()).replacePath("/").replaceQuery(null)
                .build().toUriString();
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            response.sendRedirect(home);
            return;
        }
        String logout = UriComponentsBuilder.fromUri(this.properties.issuer()).path("/connect/logout")
                .queryParam("id_token_hint", user.getIdToken().getTokenValue())
                .queryParam("post_logout_redirect_uri", home)
                .queryParam("client_id", "demo-client")
                .encode().build().toUriString();
        response.sendRedirect(logout);
    }
}
