package io.latchkey.authserver.password;

import java.time.Clock;

import io.latchkey.authserver.protocol.AuthorizationServerExtension;
import io.latchkey.authserver.login.ThrottledAuthenticationProvider;
import io.latchkey.authserver.revocation.OvertakenSignIns;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.throttle.LoginThrottle;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import io.latchkey.authserver.login.VerifiedEmailCheck;
import io.latchkey.authserver.signup.AccountsProperties;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

@Configuration(proxyBeanMethods = false)
class PasswordGrantConfiguration {

    /**
     * How users are checked everywhere: the sign-in form and the password grant, both within
     * the same brute-force limits. For an unknown email it still hashes a dummy password, so
     * it costs what a wrong password costs.
     */
    @Bean
    AuthenticationManager userAuthenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder,
            UserDetailsPasswordService passwordUpgrades, LoginThrottle throttle, AccountsProperties accounts) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setPostAuthenticationChecks(new VerifiedEmailCheck(accounts.requireVerifiedEmail()));
        provider.setUserDetailsPasswordService(passwordUpgrades);
        return new ProviderManager(new ThrottledAuthenticationProvider(provider, throttle));
    }

    @Bean
    PasswordGrantAuthenticationProvider passwordGrantAuthenticationProvider(AuthenticationManager userAuthenticationManager,
            OAuth2AuthorizationService authorizations, OAuth2TokenGenerator<OAuth2Token> tokenGenerator,
            OvertakenSignIns overtakenSignIns, Clock clock, AuditLog audit, ObjectProvider<MeterRegistry> meters) {
        return new PasswordGrantAuthenticationProvider(userAuthenticationManager, authorizations, tokenGenerator,
                overtakenSignIns, clock, audit, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    AuthorizationServerExtension passwordGrant(PasswordGrantAuthenticationProvider provider) {
        return authorizationServer -> authorizationServer
                .tokenEndpoint(token -> token
                        .accessTokenRequestConverter(new PasswordGrantAuthenticationConverter())
                        .authenticationProvider(provider));
    }
}
