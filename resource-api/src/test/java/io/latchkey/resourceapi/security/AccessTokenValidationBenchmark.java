package io.latchkey.resourceapi.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import io.latchkey.api.jwt.Ed25519JwsSigner;
import io.latchkey.api.jwt.Ed25519KeyPairs;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.latchkey.resourceapi.ResourceApiApplication;
import io.latchkey.store.revocation.RevocationStore;
import io.latchkey.store.revocation.TokenFacts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * What resource-api does with every bearer token: its own {@link JwtDecoder} bean (signature,
 * type, issuer, audience, expiry, and the revocation lookup in real embedded Redis, one MGET),
 * with the verified-signature cache off so every call checks the signature; and the
 * revocation lookup alone. Keys come over HTTP from a JWKS the benchmark serves. Run by
 * {@code AccessTokenValidationBenchmarkTest}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
public class AccessTokenValidationBenchmark {

    private static final String ISSUER = "http://issuer.bench.latchkey.test";

    @Param({ "RS256", "ES256", "EdDSA" })
    public String algorithm;

    private HttpServer jwks;
    private ConfigurableApplicationContext resourceApi;
    private JwtDecoder decoder;
    private RevocationStore revocations;
    private JWK signingKey;
    private String token;
    private TokenFacts facts;

    @Setup
    public void setUp() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa").algorithm(JWSAlgorithm.RS256).generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec").algorithm(JWSAlgorithm.ES256).generate();
        OctetKeyPair ed = Ed25519KeyPairs.generate("ed");
        byte[] published = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK(), ed.toPublicJWK())).toString()
                .getBytes(StandardCharsets.UTF_8);
        this.signingKey = switch (this.algorithm) {
            case "RS256" -> rsa;
            case "ES256" -> ec;
            default -> ed;
        };
        this.jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, published.length);
            exchange.getResponseBody().write(published);
            exchange.close();
        });
        this.jwks.start();
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-stores")), "jmh-");
        this.resourceApi = new SpringApplicationBuilder(ResourceApiApplication.class).run(
                "--server.port=0", "--management.server.port=0",
                "--latchkey.embedded.postgres-port=0", "--latchkey.embedded.redis-port=0",
                "--latchkey.embedded.data-directory=" + data,
                "--latchkey.resource-server.issuer=" + ISSUER,
                "--latchkey.resource-server.jwk-set-uri=http://127.0.0.1:" + this.jwks.getAddress().getPort() + "/jwks",
                "--latchkey.resource-server.verified-signature-cache-size=0");
        this.decoder = this.resourceApi.getBean(JwtDecoder.class);
        this.revocations = this.resourceApi.getBean(RevocationStore.class);

        Instant now = Instant.now();
        String jti = UUID.randomUUID().toString();
        String sid = UUID.randomUUID().toString();
        String sub = UUID.randomUUID().toString();
        this.token = sign(now, jti, sid, sub, this.signingKey);
        this.facts = new TokenFacts(jti, sid, sub, now);
        refuseUnlessChecksWork(now, sid, sub);
    }

    /** The benchmark measures nothing unless a valid token passes and a revoked one does not. */
    private void refuseUnlessChecksWork(Instant now, String sid, String sub) throws Exception {
        validateToken();
        String revokedJti = UUID.randomUUID().toString();
        String revoked = sign(now, revokedJti, sid, sub, this.signingKey);
        this.revocations.denyToken(revokedJti, now.plusSeconds(900));
        try {
            this.decoder.decode(revoked);
            throw new IllegalStateException("A revoked token was accepted: the benchmark would measure the wrong thing");
        }
        catch (JwtException expected) {
            // refused, as it must be
        }
    }

    private static String sign(Instant now, String jti, String sid, String sub, JWK key) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(sub).audience("latchkey-api")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .jwtID(jti).claim("sid", sid).claim("scope", List.of("account:read")).claim("client_id", "first-party")
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder((JWSAlgorithm) key.getAlgorithm())
                .type(new JOSEObjectType("at+jwt")).keyID(key.getKeyID()).build(), claims);
        jwt.sign(switch (key) {
            case RSAKey rsa -> new RSASSASigner(rsa);
            case ECKey ec -> new ECDSASigner(ec);
            case OctetKeyPair ed -> new Ed25519JwsSigner(ed);
            default -> throw new IllegalArgumentException("No signer for " + key.getKeyType());
        });
        return jwt.serialize();
    }

    @Benchmark
    public Jwt validateToken() {
        return this.decoder.decode(this.token);
    }

    @Benchmark
    public boolean revocationLookupOnly() {
        return this.revocations.isDenied(this.facts);
    }

    @TearDown
    public void tearDown() throws IOException {
        this.resourceApi.close();
        this.jwks.stop(0);
    }
}
