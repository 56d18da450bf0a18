package io.latchkey.authserver.revocation;

import java.time.Clock;

import io.latchkey.store.revocation.RevocationStore;
import io.latchkey.store.termination.Termination;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.latchkey.authserver.protocol.AuthorizationServerExtension;
import io.latchkey.authserver.protocol.RetryLaterFailureHandler;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionTemplate;

/** Puts the revocation store behind Spring's token, revocation and introspection endpoints. */
@Configuration(proxyBeanMethods = false)
class RevocationEndpointsConfiguration {

    @Bean
    RotatedRefreshTokens rotatedRefreshTokens(JdbcClient jdbc, Clock clock) {
        return new RotatedRefreshTokens(jdbc, clock);
    }

    @Bean
    GrantRevoker grantRevoker(RegisteredClientRepository clients, Termination termination) {
        return new GrantRevoker(clients, termination);
    }

    @Bean
    OvertakenSignIns overtakenSignIns(RevocationStore revocations, GrantRevoker grantRevoker) {
        return new OvertakenSignIns(revocations, grantRevoker);
    }

    /** The {@code refresh_token} grant with strict rotation: used by /oauth2/token and /api/auth/refresh. */
    @Bean
    AuthenticationProvider refreshTokenGrantAuthenticationProvider(RotatedRefreshTokens rotatedTokens,
            OAuth2AuthorizationService authorizations, OAuth2TokenGenerator<OAuth2Token> tokenGenerator,
            GrantRevoker grantRevoker, TransactionTemplate transaction, ObjectProvider<MeterRegistry> meters, Clock clock) {
        return new ReuseDetectingRefreshTokenAuthenticationProvider(
                new OAuth2RefreshTokenAuthenticationProvider(authorizations, tokenGenerator), rotatedTokens, authorizations,
                grantRevoker, transaction, meters.getIfAvailable(SimpleMeterRegistry::new), clock);
    }

    /** Applied to the authorization server configurer by its security chain. */
    @Bean
    AuthorizationServerExtension revocationEndpoints(
            @Qualifier("refreshTokenGrantAuthenticationProvider") AuthenticationProvider refreshTokenGrant,
            OAuth2AuthorizationService authorizations, GrantRevoker grantRevoker, RevocationStore revocations,
            JwtDecoder jwtDecoder) {
        OwnAccessTokens accessTokens = new OwnAccessTokens(jwtDecoder);
        return authorizationServer -> authorizationServer
                .tokenEndpoint(token -> token
                        .authenticationProviders(providers -> providers.replaceAll(provider -> switch (provider) {
                            case OAuth2RefreshTokenAuthenticationProvider ignored -> refreshTokenGrant;
                            case OAuth2AuthorizationCodeAuthenticationProvider code ->
                                    new CodeReplayRevokingAuthenticationProvider(code, authorizations, grantRevoker);
                            default -> provider;
                        }))
                        .errorResponseHandler(new RetryLaterFailureHandler()))
                .tokenRevocationEndpoint(revocation -> revocation
                        .authenticationProviders(providers -> providers.replaceAll(provider ->
                                provider instanceof OAuth2TokenRevocationAuthenticationProvider
                                        ? new DenyingTokenRevocationAuthenticationProvider(provider, authorizations,
                                                revocations, grantRevoker, accessTokens)
                                        : provider)))
                .tokenIntrospectionEndpoint(introspection -> introspection
                        .authenticationProviders(providers -> providers.replaceAll(provider ->
                                provider instanceof OAuth2TokenIntrospectionAuthenticationProvider
                                        ? new DenialAwareTokenIntrospectionAuthenticationProvider(provider, authorizations,
                                                revocations, accessTokens)
                                        : provider))
                        .errorResponseHandler(new RetryLaterFailureHandler()))
                .oidc(oidc -> oidc.logoutEndpoint(logout -> logout
                        .logoutResponseHandler(new SignOutEndsTheGrant(authorizations, grantRevoker))
                        .errorResponseHandler(new RetryLaterFailureHandler())));
    }
}
