package io.latchkey.api.cors;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CorsConfigurer;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The origins of browser apps allowed to call this server from another origin.
 *
 * @param allowedOrigins exact origins ({@code scheme://host[:port]}, no path, no wildcard); empty
 *                       turns cross-origin access off
 * @param maxAge         how long a browser may cache a preflight answer
 */
@Validated
@ConfigurationProperties("latchkey.cors")
public record BrowserAppOrigins(
        @DefaultValue({}) List<@Pattern(regexp = "https?://[^/?#*\\s]+", message = "must be an origin: scheme://host[:port]") String> allowedOrigins,
        @DefaultValue("PT1H") Duration maxAge) {

    /**
     * CORS for a chain: these origins, on these paths and methods only.
     * CAUTION: never with credentials. Bearer tokens travel in the Authorization header, so
     * no cookie-authenticated endpoint becomes callable from another origin.
     */
    public Customizer<CorsConfigurer<HttpSecurity>> on(List<String> pathPatterns, List<String> methods,
            List<String> exposedHeaders) {
        if (this.allowedOrigins.isEmpty()) {
            return CorsConfigurer::disable;
        }
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(this.allowedOrigins);
        configuration.setAllowedMethods(methods);
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        configuration.setExposedHeaders(exposedHeaders);
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(this.maxAge);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        pathPatterns.forEach(path -> source.registerCorsConfiguration(path, configuration));
        return cors -> cors.configurationSource(source);
    }
}
