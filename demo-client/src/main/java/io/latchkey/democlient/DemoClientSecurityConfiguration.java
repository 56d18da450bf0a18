package io.latchkey.democlient;

import java.net.URI;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

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
                .logout(logout -> logout.logoutSuccessHandler(new LatchkeyLogoutSuccessHandler(properties)))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(pagePolicy(properties)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /**
     * Everything from this origin, but Latchkey's stylesheet; never framed, no inline script.
     * Forms post here, and sign-out's redirects pass through Latchkey's end-session endpoint.
     */
    static String pagePolicy(DemoClientProperties properties) {
        URI issuer = properties.issuer();
        String latchkey = issuer.getScheme() + "://" + issuer.getRawAuthority();
        return "default-src 'self'; style-src 'self' " + latchkey + "; img-src 'self' data:; object-src 'none'; "
                + "base-uri 'none'; frame-ancestors 'none'; form-action 'self' " + latchkey;
    }
}
