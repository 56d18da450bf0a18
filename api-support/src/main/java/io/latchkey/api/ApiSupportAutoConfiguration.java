package io.latchkey.api;

import io.latchkey.api.cors.BrowserAppOrigins;
import io.latchkey.api.lifecycle.ShutdownDeadline;
import io.latchkey.api.lifecycle.ShutdownProperties;
import io.latchkey.api.jwt.HeaderBearerTokenResolver;
import io.latchkey.api.web.PrintableText;
import io.latchkey.api.web.ProblemErrorController;
import io.latchkey.api.web.ProblemWriter;
import io.latchkey.api.web.StoreOutageFilter;
import io.latchkey.api.web.WellFormedText;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Wiring every Latchkey server shares: the body size limit on the JSON APIs, Spring
 * Security's firewall and bearer-token resolver with their text rules decided without
 * regular expressions, the browser-app origins allowed cross-origin ({@code latchkey.cors}),
 * problem+json from {@code /error} for API clients, JSON text that must be valid Unicode, no
 * per-filter security observations, and a deadline for stopping ({@code latchkey.shutdown.timeout}).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({ BrowserAppOrigins.class, ShutdownProperties.class })
public class ApiSupportAutoConfiguration {

    /**
     * Spring's strict firewall, with its rule for header and parameter text decided without
     * regular expressions (see {@link PrintableText}).
     */
    @Bean
    @ConditionalOnMissingBean(HttpFirewall.class)
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(PrintableText.NAMES);
        firewall.setAllowedHeaderValues(PrintableText.HEADER_VALUES);
        firewall.setAllowedParameterNames(PrintableText.NAMES);
        return firewall;
    }

    /** NOTE: Spring Security takes its firewall from WebSecurity, not from the context. */
    @Bean
    WebSecurityCustomizer httpFirewallCustomizer(HttpFirewall firewall) {
        return web -> web.httpFirewall(firewall);
    }

    /** Bearer tokens from the Authorization header, as Spring's default resolver takes them. */
    @Bean
    @ConditionalOnMissingBean(BearerTokenResolver.class)
    BearerTokenResolver bearerTokenResolver() {
        return new HeaderBearerTokenResolver();
    }

    /** Errors that reach {@code /error} as problems for API clients, Boot's error pages for browsers. */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController(ErrorAttributes errorAttributes, WebProperties web,
            ObjectProvider<ErrorViewResolver> errorViewResolvers) {
        return new ProblemErrorController(errorAttributes, web.getError(), errorViewResolvers.orderedStream().toList());
    }

    /**
     * No Spring Security observations: with actuator present, Spring Security would wrap
     * every filter of every request in an observation (a timer and a span per filter).
     * HTTP server metrics ({@code http.server.requests}) stay.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Stopping never takes longer than {@code latchkey.shutdown.timeout}, whatever the stores do. */
    @Bean
    static ShutdownDeadline shutdownDeadline(ShutdownProperties properties) {
        return new ShutdownDeadline(properties);
    }

    /** Problem bodies written from security filters, where Spring MVC does not reach. */
    @Bean
    @ConditionalOnMissingBean
    ProblemWriter problemWriter(ObjectProvider<JsonMapper> json) {
        return new ProblemWriter(json.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    /** Strings in JSON request bodies must be valid Unicode text (see {@link WellFormedText}). */
    @Bean
    JacksonModule wellFormedTextModule() {
        return WellFormedText.jsonModule();
    }

    /** A PostgreSQL outage anywhere in a request answers 503, not 500 (see {@link StoreOutageFilter}). */
    @Bean
    FilterRegistrationBean<StoreOutageFilter> storeOutageFilter(ProblemWriter problems) {
        FilterRegistrationBean<StoreOutageFilter> registration = new FilterRegistrationBean<>(new StoreOutageFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Limits bodies on the JSON API paths only; forms and protocol endpoints keep Tomcat's own limits. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter() {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(new BodySizeLimitFilter());
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
