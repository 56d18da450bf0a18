package io.latchkey.authserver.publicclient;

import java.util.Map;

import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

/** A public client's claim to be {@code client_id}, before it is checked against the registration. */
class ClientIdAuthenticationToken extends OAuth2ClientAuthenticationToken {

    ClientIdAuthenticationToken(String clientId, Map<String, Object> parameters) {
        super(clientId, ClientAuthenticationMethod.NONE, null, parameters);
    }
}
