package io.latchkey.resourceapi.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import io.latchkey.api.cors.BrowserAppOrigins;
import io.latchkey.api.jwt.Ed25519JwsVerification;
import io.latchkey.api.jwt.ProtectedResourceMetadata;
import io.latchkey.api.jwt.VerifiedSignatureCache;
import io.latchkey.api.security.PublicEndpoints;
import io.latchkey.api.web.ProblemWriter;
import io.latchkey.store.revocation.RevocationProperties;
import io.latchkey.store.revocation.RevocationStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/** Stateless bearer-token security (RFC 6750): health is public, everything else needs a valid access token. */
@Configuration(proxyBeanMethods = false)
class ResourceServerSecurityConfiguration {

    @Bean
    SecurityFilterChain resourceServerSecurityFilterChain(HttpSecurity http, ProblemWriter problems,
            ResourceServerProperties properties, BrowserAppOrigins browserApps) throws Exception {
        http.authorizeHttpRequests(requests -> PublicEndpoints.permit(requests)
                        // Boot's error dispatch, so a refusal before any endpoint keeps its status (not 401).
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/users/me", "/api/users/me/**").hasAuthority("SCOPE_account:read")
                        .requestMatchers("/api/users/me", "/api/users/me/**").hasAuthority("SCOPE_account:write")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> {
                    BearerTokenProblems refusals = new BearerTokenProblems(problems);
                    resourceServer.authenticationEntryPoint(refusals).accessDeniedHandler(refusals)
                            .protectedResourceMetadata(ProtectedResourceMetadata.of(properties.issuer().toString(),
                                    List.of("account:read", "account:write")));
                    if (properties.mode() == ResourceServerProperties.Mode.INTROSPECTION) {
                        resourceServer.opaqueToken(opaque -> opaque.introspector(introspector(properties)));
                    }
                    else {
                        resourceServer.jwt(jwt -> jwt.jwtAuthenticationConverter(new LatchkeyJwtAuthenticationConverter()));
                    }
                })
                .addFilterBefore(new TokenChecksUnavailableFilter(problems), BearerTokenAuthenticationFilter.class)
                // Browser apps (public clients) call the JSON API from their own origin.
                .cors(browserApps.on(List.of("/api/**"), List.of("GET", "POST", "PUT", "PATCH", "DELETE"),
                        List.of(HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * Access tokens of one issuer, for this audience, of type {@code at+jwt}, ES256 or RS256, not
     * expired, not revoked, not bound to a key (bearer tokens only). Keys come only from the configured JWKS URL (cached; refetched
     * when a token names an unknown key id), never from a URL inside a token. A verified
     * signature is remembered for the token's life; everything else is checked every time.
     */
    @Bean
    JwtDecoder jwtDecoder(ResourceServerProperties properties, RevocationStore revocations,
            RevocationProperties revocationProperties, ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock) {
        NimbusJwtDecoder signatures = signatureDecoder(properties.jwkSetUriOrDefault(), properties.jwsAlgorithms());
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false); // RFC 9068: access tokens carry exp
        OAuth2TokenValidator<Jwt> claims = new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTypeValidator("at+jwt"),
                timestamps,
                new JwtIssuerValidator(properties.issuer().toString()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(properties.audience())),
                new BearerOnly(),
                new RevocationTokenValidator(revocations, revocationProperties,
                        meters.getIfAvailable(SimpleMeterRegistry::new))));
        return new VerifiedSignatureCache(signatures, claims, properties.verifiedSignatureCacheSize(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * Signatures only, with keys from the JWKS URL: cached (five minutes), and refetched when
     * a token names a key id not in the cache, at most once every 30 seconds (Nimbus's rate
     * limit; a token naming an unknown key id in between is simply invalid). NOTE: Spring's
     * {@code withJwkSetUri} turns that limit off, so every forged token with a made-up
     * {@code kid} cost a fetch from auth-server.
     */
    static NimbusJwtDecoder signatureDecoder(URI jwkSetUri, Set<JWSAlgorithm> algorithms) {
        return signatureDecoder(jwkSetUri, algorithms, Duration.ofMinutes(5), Duration.ofSeconds(30));
    }

    static NimbusJwtDecoder signatureDecoder(URI jwkSetUri, Set<JWSAlgorithm> algorithms, Duration cacheLifetime,
            Duration refetchInterval) {
        UnknownKeyIdIsNoKey keys;
        try {
            keys = UnknownKeyIdIsNoKey.fetchedFrom(jwkSetUri.toURL(), cacheLifetime, refetchInterval);
        }
        catch (MalformedURLException ex) {
            throw new IllegalArgumentException("Not a JWKS URL: " + jwkSetUri, ex);
        }
        NimbusJwtDecoder signatures = NimbusJwtDecoder.withJwkSource(keys)
                .jwtProcessorCustomizer(processor -> Ed25519JwsVerification.accept(processor, algorithms))
                .build();
        // NOTE: the claims are validated by the caller, on every request, cached signature or not.
        signatures.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return signatures;
    }

    /** Every token is checked by auth-server, which also answers for revocation. */
    private static SpringOpaqueTokenIntrospector introspector(ResourceServerProperties properties) {
        if (properties.introspectionClientId() == null || properties.introspectionClientSecret() == null) {
            throw new IllegalStateException("Introspection mode needs latchkey.resource-server.introspection-client-id and -secret");
        }
        SpringOpaqueTokenIntrospector introspector = SpringOpaqueTokenIntrospector
                .withIntrospectionUri(properties.issuer() + "/oauth2/introspect")
                .clientId(properties.introspectionClientId())
                .clientSecret(properties.introspectionClientSecret())
                .build();
        introspector.setAuthenticationConverter(new IntrospectedTokenConverter(properties.audience()));
        return introspector;
    }
}
