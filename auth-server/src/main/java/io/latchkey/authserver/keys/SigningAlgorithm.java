package io.latchkey.authserver.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import io.latchkey.api.jwt.Ed25519KeyPairs;

import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;

/**
 * The JWS algorithms Latchkey signs with. RS256 signs ID tokens (every OpenID Connect
 * client must accept it); access tokens take any of them ({@code latchkey.tokens.access-token-algorithm}).
 * An ES256 signature costs a small fraction of an RSA-2048 one, an EdDSA (Ed25519) one a
 * quarter of ES256's; verifying either costs more than RSA's.
 */
public enum SigningAlgorithm {

    RS256(JWSAlgorithm.RS256),
    ES256(JWSAlgorithm.ES256),
    EdDSA(JWSAlgorithm.EdDSA);

    private final JWSAlgorithm nimbus;

    SigningAlgorithm(JWSAlgorithm nimbus) {
        this.nimbus = nimbus;
    }

    /** The algorithm as a JWS header names it. */
    public JwsAlgorithm jws() {
        return this.nimbus::getName;
    }

    public JWSAlgorithm nimbus() {
        return this.nimbus;
    }

    /** A new key pair for this algorithm, with a random key id. */
    JWK generate() throws JOSEException {
        String kid = UUID.randomUUID().toString();
        return switch (this) {
            case RS256 -> new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(this.nimbus).generate();
            case ES256 -> new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(this.nimbus).generate();
            case EdDSA -> Ed25519KeyPairs.generate(kid);
        };
    }

    /** The private part as stored (encrypted): PKCS #8 for RSA and EC, the raw 32-byte seed for Ed25519. */
    byte[] privatePart(JWK pair) throws JOSEException {
        return this == EdDSA ? ((OctetKeyPair) pair).getDecodedD() : ((AsymmetricJWK) pair).toPrivateKey().getEncoded();
    }

    /** The key pair again, from its public JWK and its stored private part. */
    JWK withPrivatePart(JWK publicKey, byte[] privatePart) throws GeneralSecurityException {
        return switch (this) {
            case RS256 -> new RSAKey.Builder(publicKey.toRSAKey())
                    .privateKey(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(privatePart))).build();
            case ES256 -> new ECKey.Builder(publicKey.toECKey())
                    .privateKey(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(privatePart))).build();
            case EdDSA -> new OctetKeyPair.Builder(publicKey.toOctetKeyPair()).d(Base64URL.encode(privatePart)).build();
        };
    }
}
