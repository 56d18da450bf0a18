package io.latchkey.authserver.authorization;

import io.latchkey.api.cors.BrowserAppOrigins;
import io.latchkey.api.jwt.ProtectedResourceMetadata;
import io.latchkey.api.web.BrowserNavigation;
import io.latchkey.api.web.ProblemWriter;
import io.latchkey.api.web.SignInRequired;
import io.latchkey.authserver.protocol.AuthorizationServerExtension;
import io.latchkey.authserver.protocol.RetryLaterFailureHandler;
import io.latchkey.authserver.token.AccountClaims;
import io.latchkey.authserver.token.TokenProperties;
import io.latchkey.store.revocation.RevocationStore;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** The protocol endpoints' security chain: OAuth 2.1 plus OpenID Connect. */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSecurityConfiguration {

    static final String CONSENT_PAGE = "/oauth2/consent";

    private static final String PROTECTED_RESOURCE_METADATA = "/.well-known/oauth-protected-resource";

    private static final OAuth2ErrorHttpMessageConverter USER_INFO_ERRORS = new OAuth2ErrorHttpMessageConverter();

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, AccountClaims accountClaims,
            List<AuthorizationServerExtension> extensions, RevocationStore revocations,
            @Qualifier("revokedSessionFilter") Filter revokedSessions, ObjectProvider<MeterRegistry> meters,
            BrowserAppOrigins browserApps, AuthorizationServerSettings settings, ProblemWriter problems,
            TokenProperties tokens) throws Exception {
        List<String> browserAppEndpoints = browserAppEndpoints(settings);
        http.oauth2AuthorizationServer(authorizationServer -> {
            // NOTE: a browser's CORS preflight (OPTIONS) is not one of Spring's endpoint requests;
            // without this it would reach the pages' chain and be sent to sign in.
            // NOTE: userinfo's bearer challenge names its RFC 9728 metadata, served by this chain.
            http.securityMatcher(new OrRequestMatcher(authorizationServer.getEndpointsMatcher(),
                    preflights(browserAppEndpoints), PathPatternRequestMatcher.withDefaults().matcher(PROTECTED_RESOURCE_METADATA)));
            extensions.forEach(extension -> extension.extend(authorizationServer));
            authorizationServer
                    .clientAuthentication(clients -> clients.errorResponseHandler(new RetryLaterFailureHandler(
                            new ClientAuthenticationRequired(tokens.issuer().toString()))))
                    .authorizationEndpoint(endpoint -> endpoint.consentPage(CONSENT_PAGE))
                    .authorizationServerMetadataEndpoint(metadata -> metadata
                            .authorizationServerMetadataCustomizer(Discovery::advertise))
                    .oidc(oidc -> oidc
                            .providerConfigurationEndpoint(configuration -> configuration
                                    .providerConfigurationCustomizer(Discovery::advertise))
                            .userInfoEndpoint(userInfo -> userInfo
                                    .authenticationProviders(providers -> {
                                        providers.clear();
                                        providers.add(new AccessTokenUserInfoAuthenticationProvider(accountClaims, revocations));
                                    })
                                    .errorResponseHandler(new RetryLaterFailureHandler(
                                            AuthorizationServerSecurityConfiguration::userInfoError))));
        })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .cors(browserApps.on(browserAppEndpoints, List.of("GET", "POST"),
                        List.of(HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER)))
                .addFilterAfter(revokedSessions, SecurityContextHolderFilter.class)
                .addFilterAfter(new ClientIdAccessLogFilter(), SecurityContextHolderFilter.class)
                .addFilterBefore(new TokenEndpointTimingFilter(meters.getIfAvailable(SimpleMeterRegistry::new)),
                        SecurityContextHolderFilter.class)
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults())
                        .protectedResourceMetadata(ProtectedResourceMetadata.of(tokens.issuer().toString(),
                                List.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL))))
                .exceptionHandling(exceptions -> unauthenticated(exceptions, settings, problems, tokens));
        return http.build();
    }

    /**
     * Who gets what without credentials. Only a person's browser opening the authorization
     * endpoint is sent to sign in; an API client calling it gets 401 problem+json, userinfo
     * answers with RFC 6750's bearer challenge, and every other endpoint here is a client
     * endpoint: 401 {@code invalid_client}. NOTE: the first matching entry wins.
     */
    private static void unauthenticated(ExceptionHandlingConfigurer<HttpSecurity> exceptions,
            AuthorizationServerSettings settings, ProblemWriter problems, TokenProperties tokens) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher authorize = paths.matcher(settings.getAuthorizationEndpoint());
        exceptions
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        new AndRequestMatcher(authorize, new BrowserNavigation()))
                .defaultAuthenticationEntryPointFor(new SignInRequired(problems), authorize)
                .defaultAuthenticationEntryPointFor(new BearerTokenAuthenticationEntryPoint(),
                        paths.matcher(settings.getOidcUserInfoEndpoint()))
                .defaultAuthenticationEntryPointFor(new ClientAuthenticationRequired(tokens.issuer().toString()),
                        AnyRequestMatcher.INSTANCE);
    }

    /**
     * What a browser app (a public client) calls from its own origin: discovery, keys, the
     * token endpoint (code exchange, refresh), revocation and userinfo. Not introspection
     * (confidential clients only) and not the authorization endpoint (a navigation, not a fetch).
     */
    private static List<String> browserAppEndpoints(AuthorizationServerSettings settings) {
        return List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server",
                settings.getJwkSetEndpoint(), settings.getTokenEndpoint(), settings.getTokenRevocationEndpoint(),
                settings.getOidcUserInfoEndpoint());
    }

    private static RequestMatcher preflights(List<String> paths) {
        PathPatternRequestMatcher.Builder matchers = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(paths.stream()
                .map(path -> (RequestMatcher) matchers.matcher(HttpMethod.OPTIONS, path)).toList());
    }

    /** Spring's status for a userinfo error (RFC 6750): 401 for a bad token, 403 for a missing scope, else 400. */
    private static void userInfoError(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
        HttpStatus status = switch (error.getErrorCode()) {
            case OAuth2ErrorCodes.INVALID_TOKEN -> HttpStatus.UNAUTHORIZED;
            case OAuth2ErrorCodes.INSUFFICIENT_SCOPE -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.BAD_REQUEST;
        };
        ServletServerHttpResponse http = new ServletServerHttpResponse(response);
        http.setStatusCode(status);
        USER_INFO_ERRORS.write(error, null, http);
    }
}
