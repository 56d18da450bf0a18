package io.latchkey.authserver.protocol;

import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;

/**
 * A feature's additions to the protocol endpoints (a grant, wrapped providers), applied
 * by the protocol endpoints' security chain (the authorization package) to that chain only.
 * <p>
 * NOTE: deliberately not a {@code Customizer<OAuth2AuthorizationServerConfigurer>} bean:
 * Spring Security 7 applies such beans to every {@code HttpSecurity}, which would turn
 * every chain into an authorization server chain.
 */
@FunctionalInterface
public interface AuthorizationServerExtension {

    void extend(OAuth2AuthorizationServerConfigurer authorizationServer);
}
