package io.latchkey.authserver.revocation;

import java.time.Clock;

import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.revocation.RevocationStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionTemplate;

/** Puts the revocation store behind Spring's token, revocation and introspection endpoints. */
@Configuration(proxyBeanMethods = false)
public class RevocationEndpointsConfiguration {

    @Bean
    RotatedRefreshTokens rotatedRefreshTokens(JdbcClient jdbc, Clock clock) {
        return new RotatedRefreshTokens(jdbc, clock);
    }

    @Bean
    GrantRevoker grantRevoker(OAuth2AuthorizationService authorizations, RegisteredClientRepository clients,
            RevocationStore revocations, AuditLog audit, Clock clock) {
        return new GrantRevoker(authorizations, clients, revocations, audit, clock);
    }

    /** Applied to the authorization server configurer by its security chain. */
    @Bean
    Customizer<OAuth2AuthorizationServerConfigurer> revocationEndpoints(RotatedRefreshTokens rotatedTokens,
            OAuth2AuthorizationService authorizations, GrantRevoker grantRevoker, RevocationStore revocations,
            TransactionTemplate transaction, ObjectProvider<MeterRegistry> meterRegistry, Clock clock) {
        MeterRegistry meters = meterRegistry.getIfAvailable(SimpleMeterRegistry::new);
        return authorizationServer -> authorizationServer
                .tokenEndpoint(token -> token
                        .authenticationProviders(providers -> providers.replaceAll(provider ->
                                provider instanceof OAuth2RefreshTokenAuthenticationProvider
                                        ? new ReuseDetectingRefreshTokenAuthenticationProvider(provider, rotatedTokens,
                                                authorizations, grantRevoker, transaction, meters, clock)
                                        : provider))
                        .errorResponseHandler(RevocationErrors.errorResponseHandler()))
                .tokenRevocationEndpoint(revocation -> revocation
                        .authenticationProviders(providers -> providers.replaceAll(provider ->
                                provider instanceof OAuth2TokenRevocationAuthenticationProvider
                                        ? new DenyingTokenRevocationAuthenticationProvider(provider, authorizations,
                                                revocations, grantRevoker)
                                        : provider)))
                .tokenIntrospectionEndpoint(introspection -> introspection
                        .authenticationProviders(providers -> providers.replaceAll(provider ->
                                provider instanceof OAuth2TokenIntrospectionAuthenticationProvider
                                        ? new DenialAwareTokenIntrospectionAuthenticationProvider(provider, authorizations,
                                                revocations)
                                        : provider))
                        .errorResponseHandler(RevocationErrors.errorResponseHandler()));
    }
}
