package io.latchkey.api.security;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * What every Latchkey server answers without credentials: the probes on the public port,
 * the OpenAPI document and its UI, and actuator, which only answers on the management port.
 * <p>
 * CAUTION: keep {@code management.server.port} apart from {@code server.port}, or actuator
 * opens up on the public port.
 */
public final class PublicEndpoints {

    private PublicEndpoints() {
    }

    /** Permits these requests, and returns {@code requests} for the server's own rules. */
    public static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry permit(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        return requests
                .requestMatchers("/livez", "/readyz").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll();
    }
}
