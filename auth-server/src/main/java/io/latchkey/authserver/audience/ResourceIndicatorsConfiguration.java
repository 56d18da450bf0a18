package io.latchkey.authserver.audience;

import java.util.List;
import java.util.function.Consumer;

import io.latchkey.authserver.protocol.AuthorizationServerExtension;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2PushedAuthorizationRequestAuthenticationProvider;

/**
 * Resource indicators at the authorization and pushed-authorization endpoints. The
 * {@link ResourceIndicators} bean comes from the token package, which owns the settings
 * and names the audience in each token.
 */
@Configuration(proxyBeanMethods = false)
class ResourceIndicatorsConfiguration {

    /** An authorization request naming an unusable resource goes back to the client as {@code invalid_target}. */
    @Bean
    AuthorizationServerExtension resourceIndicatorsAtAuthorization(ResourceIndicators indicators) {
        Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> validator =
                new OAuth2AuthorizationCodeRequestAuthenticationValidator().andThen(context -> check(indicators, context));
        return authorizationServer -> authorizationServer
                .authorizationEndpoint(endpoint -> endpoint.authenticationProviders(providers -> validate(providers, validator)))
                .pushedAuthorizationRequestEndpoint(endpoint -> endpoint.authenticationProviders(providers -> validate(providers, validator)));
    }

    private static void validate(List<AuthenticationProvider> providers,
            Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> validator) {
        providers.forEach(provider -> {
            if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider authorization) {
                authorization.setAuthenticationValidator(validator);
            }
            else if (provider instanceof OAuth2PushedAuthorizationRequestAuthenticationProvider pushed) {
                pushed.setAuthenticationValidator(validator);
            }
        });
    }

    private static void check(ResourceIndicators indicators, OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        try {
            indicators.checkAuthorizationRequest(request.getAdditionalParameters());
        }
        catch (OAuth2AuthenticationException refused) {
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(refused.getError(), request);
        }
    }
}
