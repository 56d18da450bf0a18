package io.latchkey.authserver.publicclient;

import io.latchkey.authserver.protocol.AuthorizationServerExtension;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.ParameterRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Lets public clients authenticate with {@code client_id} alone at refresh, revocation and pushed authorization requests. */
@Configuration(proxyBeanMethods = false)
class PublicClientConfiguration {

    @Bean
    AuthorizationServerExtension publicClientAuthentication(RegisteredClientRepository clients,
            AuthorizationServerSettings settings) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher refresh = new AndRequestMatcher(paths.matcher(HttpMethod.POST, settings.getTokenEndpoint()),
                new ParameterRequestMatcher(OAuth2ParameterNames.GRANT_TYPE, AuthorizationGrantType.REFRESH_TOKEN.getValue()));
        RequestMatcher revocation = paths.matcher(HttpMethod.POST, settings.getTokenRevocationEndpoint());
        // RFC 9126 2: a public client pushes its request with its client_id; PKCE still binds the code to it.
        RequestMatcher pushedRequest = paths.matcher(HttpMethod.POST, settings.getPushedAuthorizationRequestEndpoint());
        ClientIdAuthenticationConverter converter = new ClientIdAuthenticationConverter(
                new OrRequestMatcher(refresh, revocation, pushedRequest));
        ClientIdAuthenticationProvider provider = new ClientIdAuthenticationProvider(clients);
        // NOTE: added one by one, which puts them ahead of Spring's (whose public-client provider
        // would demand a PKCE verifier). The list consumers would replace another feature's.
        return authorizationServer -> authorizationServer.clientAuthentication(clientAuthentication -> clientAuthentication
                .authenticationConverter(converter)
                .authenticationProvider(provider));
    }
}
