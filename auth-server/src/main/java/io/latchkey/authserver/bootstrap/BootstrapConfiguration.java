package io.latchkey.authserver.bootstrap;

import io.latchkey.authserver.token.TokenProperties;
import io.latchkey.authserver.client.ClientSecrets;
import io.latchkey.authserver.keys.KeyProperties;
import io.latchkey.store.TakingTurns;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.revocation.RevocationProperties;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class BootstrapConfiguration {

    @Bean
    DevSecretGuard devSecretGuard(Environment environment, BootstrapProperties bootstrap, KeyProperties keys) {
        return new DevSecretGuard(environment, bootstrap, keys);
    }

    @Bean
    TokenLifetimeGuard tokenLifetimeGuard(TokenProperties tokens, RevocationProperties revocation, KeyProperties keys) {
        return new TokenLifetimeGuard(tokens, revocation, keys);
    }

    @Bean
    ApplicationRunner bootstrapSeeder(BootstrapProperties bootstrap, RegisteredClientRepository clients,
            ClientSecrets clientSecrets, TokenProperties tokens, AccountRepository accounts,
            Environment environment, JdbcClient jdbc, PlatformTransactionManager transactions) {
        ClientSeeder clientSeeder = new ClientSeeder(clients, clientSecrets, tokens);
        AdminSeeder adminSeeder = new AdminSeeder(accounts);
        boolean local = environment.acceptsProfiles(Profiles.of(DevSecretGuard.LOCAL_PROFILE));
        // NOTE: instances started at once take turns, so each reads what the one before it wrote.
        TransactionTemplate inOneTransaction = new TransactionTemplate(transactions);
        return args -> inOneTransaction.executeWithoutResult(status -> {
            TakingTurns.inTurn(jdbc, TakingTurns.BOOTSTRAP);
            bootstrap.clients().forEach(clientSeeder::seed);
            adminSeeder.seed(bootstrap.adminEmail(), bootstrap.adminPassword(), local);
        });
    }
}
