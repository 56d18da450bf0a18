package io.latchkey.authserver.token;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.latchkey.api.jwt.Ed25519JwsVerification;
import io.latchkey.api.jwt.VerifiedSignatureCache;
import io.latchkey.authserver.audience.ResourceIndicators;
import io.latchkey.authserver.keys.RequiredAlgorithms;
import io.latchkey.authserver.keys.SigningAlgorithm;
import io.latchkey.store.account.AccountRepository;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What {@link TokenProperties} decides, as beans: the claims of every token, the audiences
 * clients may name, the algorithms signing keys must exist for, and the decoder of this
 * server's own access tokens.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    @Bean
    AccountClaims accountClaims(AccountRepository accounts) {
        return new AccountClaims(accounts);
    }

    @Bean
    ResourceIndicators resourceIndicators(TokenProperties tokens) {
        return new ResourceIndicators(tokens.audience(), tokens.resources());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaimsCustomizer(TokenProperties tokens, AccountClaims accountClaims,
            ResourceIndicators resources) {
        return new TokenClaimsCustomizer(tokens, accountClaims, resources);
    }

    @Bean
    RequiredAlgorithms requiredAlgorithms(TokenProperties tokens) {
        return new RequiredAlgorithms(tokens.signingAlgorithms());
    }

    /**
     * Verifies this issuer's own access tokens (at /userinfo, introspection, revocation and
     * the first-party logout): RFC 9068 {@code typ: at+jwt} only, with no clock skew, since
     * this server's clock is the one that set {@code exp}. A signature that verified is
     * remembered until the token expires; the claims are checked on every call.
     */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, TokenProperties tokens, Clock clock) {
        Set<JWSAlgorithm> algorithms = tokens.signingAlgorithms().stream().map(SigningAlgorithm::nimbus)
                .collect(Collectors.toSet());
        NimbusJwtDecoder signatures = NimbusJwtDecoder.withJwkSource(jwkSource)
                .jwtProcessorCustomizer(processor -> Ed25519JwsVerification.accept(processor, algorithms))
                .build();
        signatures.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setAllowEmptyExpiryClaim(false); // RFC 9068: access tokens carry exp
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> claims = new DelegatingOAuth2TokenValidator<>(List.of(new JwtTypeValidator("at+jwt"),
                timestamps, new JwtIssuerValidator(tokens.issuer().toString())));
        return new VerifiedSignatureCache(signatures, claims, tokens.verifiedSignatureCacheSize(), clock);
    }
}
