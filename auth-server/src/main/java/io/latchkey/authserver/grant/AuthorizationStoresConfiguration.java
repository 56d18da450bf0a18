package io.latchkey.authserver.grant;

import io.latchkey.authserver.token.TokenProperties;
import java.time.Clock;

import io.latchkey.store.grant.GrantRepository;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.transaction.support.TransactionTemplate;

/** Authorizations (grants) and consents in PostgreSQL, through Spring's JDBC services; clients are in the client package. */
@Configuration(proxyBeanMethods = false)
class AuthorizationStoresConfiguration {

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients,
            TransactionTemplate transaction) {
        return new RequestScopedAuthorizationLookups(new ClientCredentialsGrantsNotStored(
                new TransactionalAuthorizationService(
                        new TokenDigestingAuthorizationService(new UpsertingAuthorizationService(jdbc, clients)), transaction)));
    }

    @Bean
    EndedGrantsPurge endedGrantsPurge(GrantRepository grants, Clock clock) {
        return new EndedGrantsPurge(grants, clock);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(TokenProperties tokens) {
        return AuthorizationServerSettings.builder().issuer(tokens.issuer().toString()).build();
    }
}
