package io.latchkey.authserver.keys;

import java.time.Clock;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.latchkey.authserver.authorization.TokenProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
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
        return encoder;
    }

    /** Verifies this issuer's own access tokens, at /userinfo: RFC 9068 {@code typ: at+jwt} only. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, TokenProperties tokens) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource)
                .jwsAlgorithms(algorithms -> tokens.signingAlgorithms().forEach(a -> algorithms.add(a.jws())))
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtTypeValidator("at+jwt"), new JwtIssuerValidator(tokens.issuer().toString())));
        return decoder;
    }
}
