package io.latchkey.authserver.keys;

import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * The JWS algorithms Latchkey signs with. RS256 signs ID tokens (every OpenID Connect
 * client must accept it); access tokens take either ({@code latchkey.tokens.access-token-algorithm}).
 * An ES256 signature costs a small fraction of an RSA-2048 one; verifying it costs more.
 */
public enum SigningAlgorithm {

    RS256(SignatureAlgorithm.RS256),
    ES256(SignatureAlgorithm.ES256);

    private final SignatureAlgorithm jws;

    SigningAlgorithm(SignatureAlgorithm jws) {
        this.jws = jws;
    }

    public SignatureAlgorithm jws() {
        return this.jws;
    }

    /** A new key pair for this algorithm, with a random key id. */
    JWK generate() throws JOSEException {
        String kid = UUID.randomUUID().toString();
        return switch (this) {
            case RS256 -> new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            case ES256 -> new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
        };
    }

    /** The JCA key algorithm of its private keys. */
    String keyFactoryAlgorithm() {
        return this == RS256 ? "RSA" : "EC";
    }
}
