package io.latchkey.authserver.keys;

import java.time.Clock;

import com.nimbusds.jose.jwk.OctetKeyPair;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
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
            TransactionTemplate transaction, KeyProperties properties, RequiredAlgorithms required, Clock clock) {
        return new SigningKeyRotation(repository, jwkSource, transaction, properties, required.algorithms(), clock);
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
}
