package io.latchkey.authserver.client;

import io.latchkey.authserver.protocol.AuthorizationServerExtension;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;

@Configuration(proxyBeanMethods = false)
class ClientSecretsConfiguration {

    @Bean
    ClientSecrets clientSecrets(PasswordEncoder passwordEncoder) {
        return new ClientSecrets(passwordEncoder);
    }

    /** Spring's client authentication would otherwise take the password encoder bean, the slow one for people. */
    @Bean
    AuthorizationServerExtension clientSecretVerification(ClientSecrets secrets) {
        return authorizationServer -> authorizationServer.clientAuthentication(clients -> clients
                .authenticationProviders(providers -> providers.forEach(provider -> {
                    if (provider instanceof ClientSecretAuthenticationProvider clientSecret) {
                        clientSecret.setPasswordEncoder(secrets.encoder());
                    }
                })));
    }
}
