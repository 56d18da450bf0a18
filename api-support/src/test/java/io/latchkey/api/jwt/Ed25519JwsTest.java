package io.latchkey.api.jwt;

import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ed25519JwsTest {

    // RFC 8032, section 7.1, TEST 1: the empty message.
    private static final String RFC_SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String RFC_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String RFC_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    private final OctetKeyPair key = key("key-1");

    @Test
    void signsAsRfc8032Says() throws Exception {
        OctetKeyPair rfcKey = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(hex(RFC_PUBLIC)))
                .d(Base64URL.encode(hex(RFC_SECRET))).build();

        Base64URL signature = new Ed25519JwsSigner(rfcKey).sign(new JWSHeader(JWSAlgorithm.EdDSA), new byte[0]);

        assertThat(HexFormat.of().formatHex(signature.decode())).isEqualTo(RFC_SIGNATURE);
    }

    @Test
    void aTokenSignedWithTheKeyVerifiesAgainstItsPublicJwk() throws Exception {
        Instant expiry = Instant.now().plusSeconds(60);

        var jwt = decoder(Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.RS256), this.key).decode(sign(this.key, "key-1", expiry));

        assertThat(jwt.getSubject()).isEqualTo("someone");
        assertThat(jwt.getHeaders()).containsEntry("alg", "EdDSA").containsEntry("kid", "key-1");
    }

    @Test
    void aTamperedSignatureOrAForeignKeyIsRefused() throws Exception {
        JwtDecoder decoder = decoder(Set.of(JWSAlgorithm.EdDSA), this.key);
        String[] parts = sign(this.key, "key-1", Instant.now().plusSeconds(60)).split("\\.");
        byte[] signature = Base64URL.from(parts[2]).decode();
        signature[5] ^= 1;

        assertThatThrownBy(() -> decoder.decode(parts[0] + "." + parts[1] + "." + Base64URL.encode(signature)))
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> decoder.decode(sign(key("key-1"), "key-1", Instant.now().plusSeconds(60))))
                .as("another key under the same kid").hasMessageContaining("signature");
        assertThatThrownBy(() -> decoder.decode(parts[0] + ".e30." + parts[2])).as("other claims, same signature")
                .hasMessageContaining("signature");
    }

    @Test
    void aTokenIsRefusedIfEdDsaIsNotAcceptedOrAnotherAlgorithmIsClaimed() throws Exception {
        String token = sign(this.key, "key-1", Instant.now().plusSeconds(60));
        assertThatThrownBy(() -> decoder(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), this.key).decode(token))
                .isInstanceOf(JwtException.class);

        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(), claims(Instant.now().plusSeconds(60)));
        hmac.sign(new MACSigner(this.key.getX().decode()));
        assertThatThrownBy(() -> decoder(Set.of(JWSAlgorithm.EdDSA), this.key).decode(hmac.serialize())).isInstanceOf(JwtException.class);

        String unsigned = Base64URL.encode("{\"alg\":\"none\"}") + "." + token.split("\\.")[1] + ".";
        assertThatThrownBy(() -> decoder(Set.of(JWSAlgorithm.EdDSA), this.key).decode(unsigned)).isInstanceOf(JwtException.class);
    }

    /** RFC 7515 section 4.1.11: an extension marked critical that the verifier does not know refuses the token. */
    @Test
    void aCriticalHeaderParameterItDoesNotUnderstandRefusesTheToken() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("key-1").type(new JOSEObjectType("at+jwt"))
                .criticalParams(Set.of("urn:example:must-understand")).customParam("urn:example:must-understand", true).build(),
                claims(Instant.now().plusSeconds(60)));
        jwt.sign(new Ed25519JwsSigner(this.key));

        assertThatThrownBy(() -> decoder(Set.of(JWSAlgorithm.EdDSA), this.key).decode(jwt.serialize()))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void refusesKeysWithoutAPrivatePartOrOnAnotherCurve() {
        assertThatThrownBy(() -> new Ed25519JwsSigner(this.key.toPublicJWK())).isInstanceOf(IllegalArgumentException.class);
        OctetKeyPair x25519 = new OctetKeyPair.Builder(Curve.X25519, this.key.getX()).d(this.key.getD()).build();
        assertThatThrownBy(() -> new Ed25519JwsSigner(x25519)).isInstanceOf(IllegalArgumentException.class);
    }

    private static JwtDecoder decoder(Set<JWSAlgorithm> accepted, OctetKeyPair key) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())))
                .jwtProcessorCustomizer(processor -> Ed25519JwsVerification.accept(processor, accepted))
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtTypeValidator("at+jwt")));
        return decoder;
    }

    private static String sign(OctetKeyPair key, String kid, Instant expiry) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(kid).type(new JOSEObjectType("at+jwt")).build(),
                claims(expiry));
        jwt.sign(new Ed25519JwsSigner(key));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(Instant expiry) {
        return new JWTClaimsSet.Builder().subject("someone").expirationTime(Date.from(expiry)).issueTime(new Date()).build();
    }

    private static OctetKeyPair key(String kid) {
        return Ed25519KeyPairs.generate(kid);
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
