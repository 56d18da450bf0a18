package io.latchkey.api.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedSignatureCacheTest {

    private final Instant now = Instant.parse("2026-11-22T12:00:00Z");
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final AtomicBoolean revoked = new AtomicBoolean();
    private ECKey key;
    private JwtDecoder verifier;

    @BeforeEach
    void setUp() throws Exception {
        this.key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(new JWKSet(this.key.toPublicJWK())))
                .jwsAlgorithm(SignatureAlgorithm.ES256).build();
        nimbus.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        this.verifier = token -> {
            this.signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    @Test
    void aTokenThatComesAgainHasItsSignatureCheckedOnlyOnce() throws Exception {
        VerifiedSignatureCache decoder = decoderAt(this.now);
        String token = sign(this.now.plusSeconds(900));

        decoder.decode(token);
        decoder.decode(token);
        decoder.decode(token);

        assertThat(this.signatureChecks).hasValue(1);
    }

    @Test
    void aCachedTokenThatIsRevokedIsRefusedAtOnce() throws Exception {
        VerifiedSignatureCache decoder = decoderAt(this.now);
        String token = sign(this.now.plusSeconds(900));
        decoder.decode(token);

        this.revoked.set(true);

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("revoked");
    }

    @Test
    void aCachedTokenThatExpiresIsRefused() throws Exception {
        String token = sign(this.now.plusSeconds(900));
        decoderAt(this.now).decode(token);

        VerifiedSignatureCache later = decoderAt(this.now.plusSeconds(901));
        assertThatThrownBy(() -> later.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aBadSignatureIsNeverRememberedAndFailsEveryTime() throws Exception {
        VerifiedSignatureCache decoder = decoderAt(this.now);
        String[] parts = sign(this.now.plusSeconds(900)).split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(BadJwtException.class);
        assertThat(this.signatureChecks).hasValue(2);
    }

    @Test
    void withTheCacheOffEverySignatureIsChecked() throws Exception {
        VerifiedSignatureCache decoder = new VerifiedSignatureCache(this.verifier, jwt -> OAuth2TokenValidatorResult.success(), 0,
                Clock.fixed(this.now, ZoneOffset.UTC));
        String token = sign(this.now.plusSeconds(900));

        decoder.decode(token);
        decoder.decode(token);

        assertThat(this.signatureChecks).hasValue(2);
    }

    private VerifiedSignatureCache decoderAt(Instant instant) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(Clock.fixed(instant, ZoneOffset.UTC));
        return new VerifiedSignatureCache(this.verifier, new DelegatingOAuth2TokenValidator<>(List.of(timestamps,
                jwt -> this.revoked.get() ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "revoked", null))
                        : OAuth2TokenValidatorResult.success())), 100, Clock.fixed(this.now, ZoneOffset.UTC));
    }

    private String sign(Instant expiresAt) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
                .keyID("k1").build(), new JWTClaimsSet.Builder().subject("someone").issueTime(Date.from(expiresAt.minusSeconds(900)))
                .expirationTime(Date.from(expiresAt)).build());
        jwt.sign(new ECDSASigner(this.key));
        return jwt.serialize();
    }
}
