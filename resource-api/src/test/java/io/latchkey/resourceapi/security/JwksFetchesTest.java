package io.latchkey.resourceapi.security;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * resource-api fetches keys from auth-server's JWKS: once, again for a new key, but not for every
 * forged key id; and a key set it cannot fetch makes tokens uncheckable (503), not invalid (401).
 */
class JwksFetchesTest {

    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private HttpServer jwks;

    @BeforeEach
    void startJwks() throws Exception {
        this.jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.jwks.createContext("/oauth2/jwks", exchange -> {
            this.fetches.incrementAndGet();
            if (this.down.get()) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            byte[] body = this.published.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        this.jwks.start();
    }

    @AfterEach
    void stopJwks() {
        this.jwks.stop(0);
    }

    @Test
    void aNewKeyIsFetchedOnceButMadeUpKeyIdsCannotMakeItFetchOverAndOver() throws Exception {
        RSAKey first = new RSAKeyGenerator(2048).keyID("first").generate();
        RSAKey second = new RSAKeyGenerator(2048).keyID("second").generate();
        this.published.set(new JWKSet(first.toPublicJWK()));
        JwtDecoder decoder = ResourceServerSecurityConfiguration.signatureDecoder(
                URI.create("http://127.0.0.1:" + this.jwks.getAddress().getPort() + "/oauth2/jwks"), Set.of(JWSAlgorithm.RS256));

        assertThat(decoder.decode(token(first, "first")).getSubject()).isEqualTo("someone");
        assertThat(this.fetches).hasValue(1);

        this.published.set(new JWKSet(List.of(second.toPublicJWK(), first.toPublicJWK())));
        assertThat(decoder.decode(token(second, "second")).getSubject()).as("a rotated-in key is fetched").isEqualTo("someone");
        assertThat(this.fetches).hasValue(2);

        for (int i = 0; i < 20; i++) {
            String forged = token(first, UUID.randomUUID().toString());
            assertThatThrownBy(() -> decoder.decode(forged)).as("simply invalid, not an error of the key source")
                    .isInstanceOf(BadJwtException.class);
        }
        assertThat(this.fetches).as("unknown key ids within 30 s of the last fetch fetch nothing").hasValue(2);
        assertThat(decoder.decode(token(first, "first")).getSubject()).as("known keys still verify").isEqualTo("someone");
    }

    @Test
    void withTheKeySetExpiredAndUnfetchableValidTokensAreUncheckableNotInvalid() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("only").generate();
        this.published.set(new JWKSet(key.toPublicJWK()));
        Duration cacheLifetime = Duration.ofMillis(1500);
        JwtDecoder decoder = ResourceServerSecurityConfiguration.signatureDecoder(
                URI.create("http://127.0.0.1:" + this.jwks.getAddress().getPort() + "/oauth2/jwks"), Set.of(JWSAlgorithm.RS256),
                cacheLifetime, Duration.ofSeconds(1));
        assertThat(decoder.decode(token(key, "only")).getSubject()).isEqualTo("someone");

        this.down.set(true);
        Thread.sleep(cacheLifetime.plusMillis(200));
        for (int i = 0; i < 5; i++) {
            String valid = token(key, "only");
            assertThatThrownBy(() -> decoder.decode(valid))
                    .as("attempt %d: the keys cannot be had, which says nothing of the token", i)
                    .isInstanceOf(JwtException.class).isNotInstanceOf(BadJwtException.class);
        }
        assertThat(this.fetches).as("two tries in the interval (Nimbus allows two), then the rate limit").hasValue(3);

        this.down.set(false);
        Thread.sleep(1100);
        assertThat(decoder.decode(token(key, "only")).getSubject()).as("back once the URL answers").isEqualTo("someone");
        String forged = token(key, "made-up");
        assertThatThrownBy(() -> decoder.decode(forged)).as("a live key set again: an unknown key id is invalid")
                .isInstanceOf(BadJwtException.class);
    }

    private static String token(RSAKey key, String keyId) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                .keyID(keyId).build(),
                new JWTClaimsSet.Builder().subject("someone").issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
