package io.latchkey.api.jwt;

import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.impl.BaseJWSProvider;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Signs a JWS with EdDSA on Ed25519 (RFC 8037), with BouncyCastle's RFC 8032 code.
 * <p>
 * NOTE: Nimbus signs Ed25519 only through Google Tink, which Latchkey does not ship;
 * BouncyCastle is already here for Argon2id, and its Ed25519 signs in about a quarter of
 * the time the JDK takes for an ES256 signature. Ed25519 signatures are deterministic.
 */
public final class Ed25519JwsSigner extends BaseJWSProvider implements JWSSigner {

    private final byte[] privateKey;

    public Ed25519JwsSigner(OctetKeyPair key) {
        super(Set.of(JWSAlgorithm.EdDSA));
        if (!Curve.Ed25519.equals(key.getCurve()) || key.getD() == null) {
            throw new IllegalArgumentException("An Ed25519 key pair with its private part is needed, not " + key.getCurve());
        }
        this.privateKey = key.getDecodedD();
        if (this.privateKey.length != Ed25519.SECRET_KEY_SIZE) {
            throw new IllegalArgumentException("An Ed25519 private key has " + Ed25519.SECRET_KEY_SIZE + " bytes");
        }
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            throw new JOSEException("Ed25519 signs EdDSA only, not " + header.getAlgorithm());
        }
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(this.privateKey, 0, signingInput, 0, signingInput.length, signature, 0);
        return Base64URL.encode(signature);
    }
}
