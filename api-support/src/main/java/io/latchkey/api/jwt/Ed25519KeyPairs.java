package io.latchkey.api.jwt;

import java.security.SecureRandom;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** New Ed25519 signing keys as JWKs (RFC 8037). NOTE: Nimbus generates them only through Google Tink. */
public final class Ed25519KeyPairs {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ed25519KeyPairs() {
    }

    /** A fresh key pair for EdDSA signatures under this key id. */
    public static OctetKeyPair generate(String kid) {
        byte[] privateKey = new byte[Ed25519.SECRET_KEY_SIZE];
        Ed25519.generatePrivateKey(RANDOM, privateKey);
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(privateKey, 0, publicKey, 0);
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicKey)).d(Base64URL.encode(privateKey))
                .keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.EdDSA).build();
    }
}
