package io.latchkey.authserver.keys;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signing one access token as auth-server does: Spring's Nimbus encoder, a key made by
 * {@link SigningAlgorithm}, an RFC 9068 header and Latchkey's claims. Run by
 * {@code AccessTokenSigningBenchmarkTest}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
public class AccessTokenSigningBenchmark {

    @Param({ "RS256", "ES256", "EdDSA" })
    public String algorithm;

    private JwtEncoder encoder;
    private SigningAlgorithm signing;

    @Setup
    public void setUp() throws Exception {
        this.signing = SigningAlgorithm.valueOf(this.algorithm);
        JWK key = this.signing.generate();
        // The encoder auth-server uses: Nimbus's for RS256 and ES256, Latchkey's for EdDSA.
        this.encoder = new Ed25519JwtEncoder(new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key))),
                () -> (OctetKeyPair) key);
    }

    @Benchmark
    public String signAccessToken() {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("http://localhost:9000")
                .subject(UUID.randomUUID().toString())
                .audience(List.of("latchkey-api"))
                .issuedAt(now).notBefore(now).expiresAt(now.plusSeconds(900))
                .id(UUID.randomUUID().toString())
                .claim("scope", List.of("account:read", "account:write"))
                .claim("client_id", "first-party")
                .claim("roles", List.of("user"))
                .claim("sid", UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(this.signing.jws()).type("at+jwt").build();
        return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
