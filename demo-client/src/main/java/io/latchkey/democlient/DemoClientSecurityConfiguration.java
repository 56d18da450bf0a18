package io.latchkey.democlient;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Pages need a Latchkey sign-in (authorization code + PKCE); the home page and probes do not. */
@Configuration(proxyBeanMethods = false)
class DemoClientSecurityConfiguration {

    @Bean
    SecurityFilterChain demoClientSecurityFilterChain(HttpSecurity http, DemoClientProperties properties) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // A browser asks for /favicon.ico on its own. Sending that to sign in would start an
                        // authorization request (and a Latchkey session) behind the person's back.
                        .requestMatchers("/", "/error", "/css/**", "/favicon.ico").permitAll()
                        .requestMatchers("/livez", "/readyz").permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/latchkey").defaultSuccessUrl("/profile", true))
                .logout(logout -> logout.logoutSuccessHandler(new LatchkeyLogoutSuccessHandler(properties)));
        return http.build();
    }
}
