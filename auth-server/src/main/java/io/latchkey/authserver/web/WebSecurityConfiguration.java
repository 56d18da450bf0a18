package io.latchkey.authserver.web;

import java.time.Clock;
import java.util.Map;

import io.latchkey.api.security.PublicEndpoints;
import io.latchkey.api.web.BrowserNavigation;
import io.latchkey.api.web.ProblemWriter;
import io.latchkey.api.web.SignInRequired;
import io.latchkey.authserver.login.EmailNotVerifiedException;
import io.latchkey.authserver.login.LoginThrottleUnavailableException;
import io.latchkey.authserver.login.LoginThrottledException;
import io.latchkey.authserver.protocol.AuthorizationServerExtension;
import io.latchkey.authserver.revocation.OvertakenSignIns;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import io.latchkey.store.revocation.RevocationStore;

/** Everything that is not a protocol endpoint: the pages, signed in by form, sessions kept in Redis. */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain webSecurityFilterChain(HttpSecurity http, RevokedSessionFilter revokedSessions,
            AuthenticationManager userAuthenticationManager, Clock clock, ProblemWriter problems,
            RegisteredClientRepository clients) throws Exception {
        RequestCache browserNavigations = browserNavigationsOnly();
        // NOTE: named, or Spring Security would build the form its own manager from the UserDetailsService, unthrottled.
        http.authenticationManager(userAuthenticationManager)
                .authorizeHttpRequests(requests -> PublicEndpoints.permit(requests)
                        .requestMatchers("/login", "/signup", "/forgot-password", "/reset-password", "/verify-email", "/verify-email/resend",
                                "/dev/mailbox", "/css/**",
                                "/favicon.ico", "/error").permitAll()
                        .anyRequest().authenticated())
                // Actuator (management port only) is for operators' tools, which send no CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(EndpointRequest.toAnyEndpoint()))
                .formLogin(form -> form.loginPage("/login")
                        .authenticationDetailsSource(RevokedSessionFilter.noteSignInBegan(clock))
                        .failureHandler(signInFailures()))
                // A person's browser is sent to sign in; an API client gets 401, never a redirect to a page.
                .requestCache(cache -> cache.requestCache(browserNavigations))
                // NOTE: codes ride in the URLs of the redirects through these pages; no page names its address onward.
                .headers(headers -> headers.addHeaderWriter(new PageSecurityPolicy(clients, browserNavigations))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), new BrowserNavigation())
                        .defaultAuthenticationEntryPointFor(new SignInRequired(problems), AnyRequestMatcher.INSTANCE))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .sessionManagement(session -> session.addSessionAuthenticationStrategy(RevokedSessionFilter.recordSignIn(clock)))
                .addFilterAfter(revokedSessions, SecurityContextHolderFilter.class);
        return http.build();
    }

    /**
     * A page a person's browser was refused is opened again after sign-in; an API client's
     * request is not kept, so it costs no session in Redis.
     */
    private static RequestCache browserNavigationsOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"),
                new BrowserNavigation()));
        return cache;
    }

    /**
     * A failed sign-in goes back to the page, which says why: wrong credentials, too many
     * failures for this account or address (the password was not checked), or the attempt
     * could not be counted because Redis is down.
     */
    private static AuthenticationFailureHandler signInFailures() {
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(
                LoginThrottledException.class.getName(), "/login?throttled",
                EmailNotVerifiedException.class.getName(), "/login?unverified",
                LoginThrottleUnavailableException.class.getName(), "/login?unavailable",
                // NOTE: exact classes: this one is what Spring wraps a store failure in (PostgreSQL down).
                InternalAuthenticationServiceException.class.getName(), "/login?unavailable"));
        return failures;
    }

    /**
     * The authorization endpoint's providers check the session once more after saving a grant
     * with its code ({@link SessionRecheckingAuthorizationProvider}). NOTE: wrapped as they are
     * registered, not in the endpoint's providers list: Spring reads the code request provider's
     * validators from that list by its type, to check a request before the sign-in.
     */
    @Bean
    AuthorizationServerExtension sessionRecheckingAuthorization(OAuth2AuthorizationService authorizations,
            OvertakenSignIns overtakenSignIns) {
        return authorizationServer -> authorizationServer.withObjectPostProcessor(new ObjectPostProcessor<AuthenticationProvider>() {
            @Override
            @SuppressWarnings("unchecked")
            public <O extends AuthenticationProvider> O postProcess(O provider) {
                if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider
                        || provider instanceof OAuth2AuthorizationConsentAuthenticationProvider) {
                    return (O) new SessionRecheckingAuthorizationProvider(provider, authorizations, overtakenSignIns);
                }
                return provider;
            }
        });
    }

    /** Shared by this chain and the protocol endpoints' chain (the authorization endpoint uses the session). */
    @Bean
    static RevokedSessionFilter revokedSessionFilter(RevocationStore revocations) {
        return new RevokedSessionFilter(revocations);
    }

    /** The filter runs inside the security chains only, not as a servlet filter of its own. */
    @Bean
    static FilterRegistrationBean<RevokedSessionFilter> revokedSessionFilterRegistration(RevokedSessionFilter filter) {
        FilterRegistrationBean<RevokedSessionFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
