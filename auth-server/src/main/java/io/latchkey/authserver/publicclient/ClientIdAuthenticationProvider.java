package io.latchkey.authserver.publicclient;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Accepts a bare {@code client_id} only from a client registered as public. What it may
 * then do is the endpoint's rule: Spring's refresh and revocation providers accept only a
 * token issued to that same client.
 */
class ClientIdAuthenticationProvider implements AuthenticationProvider {

    private final RegisteredClientRepository clients;

    ClientIdAuthenticationProvider(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String clientId = (String) authentication.getPrincipal();
        RegisteredClient client = this.clients.findByClientId(clientId);
        if (client == null || !RotatedRefreshTokenGenerator.isPublic(client)) {
            // NOTE: one answer for an unknown client and a confidential one without its secret.
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                    "Client authentication failed", null));
        }
        return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ClientIdAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
