package io.latchkey.resourceapi;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.latchkey.store.account.Account;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.encrypt.Encryptors;

import static io.latchkey.testing.HttpBrowser.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens an attacker could craft. Each is built with the issuer's real signing key
 * (read from the store the way auth-server reads it) unless the attack is about the key,
 * so a refusal proves the rule under test and nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenForgeryTest {

    private static final String LOCAL_KEY_SECRET = "local-only-key-encryption-secret-not-for-production";

    LatchkeyStack stack;
    StackClient client;
    RSAKey signingKey;
    String issuer;
    Account account;

    @BeforeAll
    void startStack() throws Exception {
        this.stack = LatchkeyStack.start(1);
        this.client = new StackClient(this.stack);
        this.issuer = this.stack.authServer(0).baseUrl();
        this.account = this.stack.resourceApi.getBean(AccountRepository.class)
                .create("forgery-target@example.com", "Target", "irrelevant password", Role.USER);
        this.signingKey = currentSigningKey(this.stack.resourceApi.getBean(JdbcClient.class));
    }

    @AfterAll
    void stopStack() throws Exception {
        this.stack.close();
    }

    @Test
    void aWellFormedTokenSignedWithTheRealKeyIsAccepted() throws Exception {
        assertThat(this.client.get("/api/users/me", sign(claims(c -> { }), header(), this.signingKey)).statusCode())
                .as("the forging works, so every refusal below is about its one difference").isEqualTo(200);
    }

    @Test
    void tamperedPayloadIsRefused() throws Exception {
        String[] parts = sign(claims(c -> { }), header(), this.signingKey).split("\\.");
        String otherPayload = b64(claims(c -> c.subject(UUID.randomUUID().toString())).toString());
        assertRefused(parts[0] + "." + otherPayload + "." + parts[2]);
    }

    @Test
    void algNoneIsRefused() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + this.signingKey.getKeyID() + "\"}");
        assertRefused(header + "." + b64(claims(c -> { }).toString()) + ".");
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        byte[] publicKeyAsSecret = this.signingKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
                .keyID(this.signingKey.getKeyID()).build(), claims(c -> { }));
        jwt.sign(new MACSigner(publicKeyAsSecret));
        assertRefused(jwt.serialize());
    }

    @Test
    void wrongIssuerIsRefused() throws Exception {
        assertRefused(sign(claims(c -> c.issuer("https://evil.example")), header(), this.signingKey));
    }

    @Test
    void wrongAudienceIsRefused() throws Exception {
        assertRefused(sign(claims(c -> c.audience("another-api")), header(), this.signingKey));
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        assertRefused(sign(claims(c -> c.issueTime(java.util.Date.from(past))
                .expirationTime(java.util.Date.from(past.plusSeconds(900)))), header(), this.signingKey));
    }

    /** RFC 9068 section 2.2: an access token without {@code exp} would never expire. */
    @Test
    void aTokenWithoutExpiryIsRefusedEvenWithTheRealSignature() throws Exception {
        assertRefused(sign(claims(c -> c.expirationTime(null)), header(), this.signingKey));
    }

    @Test
    void aTokenNotValidYetIsRefused() throws Exception {
        Instant later = Instant.now().plusSeconds(600);
        assertRefused(sign(claims(c -> c.notBeforeTime(java.util.Date.from(later))
                .expirationTime(java.util.Date.from(later.plusSeconds(900)))), header(), this.signingKey));
    }

    /** The verified-signature cache remembers a whole token, never its header and payload alone. */
    @Test
    void anAcceptedTokenWithItsSignatureSwappedIsRefused() throws Exception {
        String token = sign(claims(c -> { }), header(), this.signingKey);
        assertThat(this.client.get("/api/users/me", token).statusCode()).as("accepted, and so remembered").isEqualTo(200);

        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 1;
        assertRefused(parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(this.signingKey.getKeyID()).generate();
        byte[] strangersSignature = new RSASSASigner(stranger).sign(JWSHeader.parse(Base64URL.from(parts[0])),
                (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)).decode();
        String resigned = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(strangersSignature);
        assertRefused(resigned);
    }

    /** RFC 9449 7.1: a token bound to a DPoP key or a client certificate is never accepted as a bearer token. */
    @Test
    void aTokenBoundToAKeyIsRefusedAsABearerToken() throws Exception {
        assertRefused(sign(claims(c -> c.claim("cnf", Map.of("jkt", "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I"))),
                header(), this.signingKey));
        assertRefused(sign(claims(c -> c.claim("cnf", Map.of("x5t#S256", "bwcK0esc3ACC3DB2Y5_lESsXE8o9ltc05O89jdN-dg2"))),
                header(), this.signingKey));
    }

    @Test
    void tokenOfAnotherTypeIsRefused() throws Exception {
        assertRefused(sign(claims(c -> { }), new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(this.signingKey.getKeyID()), this.signingKey));
    }

    @Test
    void unknownKeyIdIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        assertRefused(sign(claims(c -> { }), new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType("at+jwt")).keyID(stranger.getKeyID()), stranger));
    }

    /**
     * Nimbus fetches the JWKS for an unknown key id at most once every 30 seconds; the burst
     * in between must be invalid tokens, not errors of the key source (which Spring made 500).
     */
    @Test
    void manyTokensNamingUnknownKeyIdsAreEachInvalidAndTheRealKeyKeepsWorking() throws Exception {
        String good = sign(claims(c -> { }), header(), this.signingKey);
        List<String> madeUpKeyIds = List.of("../../../etc/passwd", "\"quoted\"", "kid with spaces", "ключ-🔑",
                "' OR '1'='1", "x".repeat(2_000), "");
        for (int i = 0; i < 60; i++) {
            String keyId = i < madeUpKeyIds.size() ? madeUpKeyIds.get(i) : UUID.randomUUID().toString();
            assertRefused(sign(claims(c -> { }), new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(new JOSEObjectType("at+jwt")).keyID(keyId), this.signingKey));
            if (i % 10 == 0) {
                assertThat(this.client.get("/api/users/me", good).statusCode()).as("the known key during the burst")
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void keysNamedInsideATokenAreNeverFetched() throws Exception {
        RSAKey attacker = new RSAKeyGenerator(2048).keyID(this.signingKey.getKeyID()).generate();
        AtomicInteger fetches = new AtomicInteger();
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(attacker.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        try {
            URI attackerJwks = URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks");
            assertRefused(sign(claims(c -> { }), new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                    .keyID(attacker.getKeyID()).jwkURL(attackerJwks).x509CertURL(attackerJwks), attacker));
            assertThat(fetches).hasValue(0);
        }
        finally {
            jwks.stop(0);
        }
    }

    private void assertRefused(String token) {
        HttpResponse<String> response = this.client.get("/api/users/me", token);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(response).get("status").asInt()).isEqualTo(401);
        assertThat(response.body()).as("the token is never echoed").doesNotContain(token.split("\\.")[1]);
    }

    private JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(this.issuer)
                .subject(this.account.id().toString())
                .audience(List.of("latchkey-api"))
                .issueTime(java.util.Date.from(now))
                .notBeforeTime(java.util.Date.from(now))
                .expirationTime(java.util.Date.from(now.plusSeconds(900)))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", "demo-client")
                .claim("scope", List.of("account:read"))
                .claim("roles", List.of("user"))
                .claim("sid", UUID.randomUUID().toString());
        change.accept(claims);
        return claims.build();
    }

    private JWSHeader.Builder header() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt")).keyID(this.signingKey.getKeyID());
    }

    private static String sign(JWTClaimsSet claims, JWSHeader.Builder header, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The current RS256 key (resource-api accepts RS256 and ES256), decrypted with the local profile's documented secret. */
    private static RSAKey currentSigningKey(JdbcClient jdbc) throws Exception {
        Map<String, Object> row = jdbc.sql("""
                SELECT public_jwk, private_key, encryption_salt FROM signing_keys
                WHERE publish_until IS NULL AND algorithm = 'RS256' ORDER BY created_at DESC LIMIT 1
                """).query().singleRow();
        byte[] pkcs8 = Encryptors.stronger(LOCAL_KEY_SECRET, (String) row.get("encryption_salt"))
                .decrypt((byte[]) row.get("private_key"));
        RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        return new RSAKey.Builder(JWK.parse((String) row.get("public_jwk")).toRSAKey()).privateKey(privateKey).build();
    }
}
