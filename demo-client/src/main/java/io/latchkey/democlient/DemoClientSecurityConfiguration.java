package io.latchkey.democlient;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Pages need a Latchkey sign-in (authorization code + PKCE); the home page and health do not. */
@Configuration(proxyBeanMethods = false)
class DemoClientSecurityConfiguration {

    @Bean
    SecurityFilterChain demoClientSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/").permitAll()
                        // Probes on the public port; actuator itself only answers on the management port.
                        // CAUTION: keep management.server.port apart from server.port, or these open up.
                        .requestMatchers("/livez", "/readyz").permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(Customizer.withDefaults());
        return http.build();
    }
}
