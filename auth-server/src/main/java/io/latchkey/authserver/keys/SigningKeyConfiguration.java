package io.latchkey.authserver.keys;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.latchkey.api.jwt.Ed25519JwsVerification;
import io.latchkey.api.jwt.VerifiedSignatureCache;
import io.latchkey.authserver.authorization.TokenProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    @Bean
    SigningKeyRepository signingKeyRepository(JdbcClient jdbc, KeyProperties properties) {
        return new SigningKeyRepository(jdbc, new PrivateKeyCipher(properties.encryptionSecret(), properties.previousEncryptionSecrets()));
    }

    @Bean
    RotatingJwkSource jwkSource(SigningKeyRepository repository, Clock clock) {
        return new RotatingJwkSource(repository, clock);
    }

    @Bean
    SigningKeyRotation signingKeyRotation(SigningKeyRepository repository, RotatingJwkSource jwkSource,
            TransactionTemplate transaction, KeyProperties properties, TokenProperties tokens, Clock clock) {
        return new SigningKeyRotation(repository, jwkSource, transaction, properties, tokens.signingAlgorithms(), clock);
    }

    @Bean
    SigningKeysEndpoint signingKeysEndpoint(SigningKeyRotation rotation, RotatingJwkSource keys) {
        return new SigningKeysEndpoint(rotation, keys);
    }

    @Bean
    JwtEncoder jwtEncoder(RotatingJwkSource jwkSource) {
        // NOTE: JWKS holds previous keys too; without this selector the encoder would
        // refuse to choose between two keys of one algorithm.
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(jwkSource);
        encoder.setJwkSelector(jwkSource::selectSigningKey);
        return new Ed25519JwtEncoder(encoder, () -> (OctetKeyPair) jwkSource.currentKey(SigningAlgorithm.EdDSA));
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
