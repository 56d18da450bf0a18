package io.latchkey.authserver.firstparty;

import io.latchkey.authserver.revocation.GrantRevoker;
import io.latchkey.authserver.token.TokenProperties;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.revocation.RevocationStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class FirstPartyApiConfiguration {

    /**
     * The JSON auth API authenticates by its own request bodies and tokens.
     * NOTE: no CSRF token: its cookies are SameSite=Lax (not sent on cross-site POSTs)
     * and it only reads JSON bodies, which a cross-site form cannot send.
     */
    @Bean
    @Order(0)
    SecurityFilterChain firstPartyApiSecurityFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/auth/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    FirstPartyLogout firstPartyLogout(JwtDecoder accessTokens, OAuth2AuthorizationService authorizations,
            RevocationStore revocations, GrantRevoker grantRevoker, AuditLog audit) {
        return new FirstPartyLogout(accessTokens, authorizations, revocations, grantRevoker, audit);
    }

    @Bean
    AuthCookies authCookies(TokenProperties tokens) {
        return new AuthCookies(tokens);
    }
}
