package io.latchkey.api.jwt;

import java.security.Key;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.crypto.impl.BaseJWSProvider;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Teaches a Nimbus JWT processor (the one inside Spring's {@code NimbusJwtDecoder}) to
 * verify EdDSA on Ed25519 (RFC 8037) besides the algorithms it already accepts, with keys
 * from the same JWK source, and BouncyCastle's RFC 8032 verification.
 * <p>
 * NOTE: Nimbus can neither turn an OKP key into a {@code java.security.Key} nor verify
 * Ed25519 without Google Tink: both are done here. The header's {@code alg} still has to
 * be one of the accepted algorithms, so a token cannot pick its own.
 */
public final class Ed25519JwsVerification {

    private Ed25519JwsVerification() {
    }

    /**
     * Makes {@code processor} accept exactly these algorithms (EdDSA among them or not),
     * keeping the JWK source Spring configured it with.
     */
    public static void accept(ConfigurableJWTProcessor<SecurityContext> processor, Set<JWSAlgorithm> algorithms) {
        @SuppressWarnings("unchecked")
        JWKSource<SecurityContext> keys = ((JWSVerificationKeySelector<SecurityContext>) processor.getJWSKeySelector())
                .getJWKSource();
        processor.setJWSKeySelector(new KeySelector(algorithms, keys));
        processor.setJWSVerifierFactory(new VerifierFactory());
    }

    /** An Ed25519 public key as its 32 raw bytes (RFC 8032), the form JWK {@code x} holds. */
    private record RawEd25519PublicKey(byte[] x) implements PublicKey {

        @Override
        public String getAlgorithm() {
            return "Ed25519";
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return this.x.clone();
        }
    }

    private static final class KeySelector extends JWSVerificationKeySelector<SecurityContext> {

        KeySelector(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> keys) {
            super(algorithms, keys);
        }

        @Override
        public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                return super.selectJWSKeys(header, context);
            }
            if (!isAllowed(header.getAlgorithm())) {
                return List.of();
            }
            JWKMatcher matcher = new JWKMatcher.Builder().keyType(KeyType.OKP).curve(Curve.Ed25519)
                    .keyID(header.getKeyID()).keyUses(KeyUse.SIGNATURE, null).algorithms(JWSAlgorithm.EdDSA, null).build();
            List<Key> keys = new ArrayList<>();
            for (JWK jwk : getJWKSource().get(new JWKSelector(matcher), context)) {
                keys.add(new RawEd25519PublicKey(((OctetKeyPair) jwk).getDecodedX()));
            }
            return keys;
        }
    }

    private static final class VerifierFactory extends BaseJWSProvider implements JWSVerifierFactory {

        private final JWSVerifierFactory standard = new DefaultJWSVerifierFactory();

        VerifierFactory() {
            super(withEdDsa(DefaultJWSVerifierFactory.SUPPORTED_ALGORITHMS));
        }

        private static Set<JWSAlgorithm> withEdDsa(Set<JWSAlgorithm> algorithms) {
            Set<JWSAlgorithm> all = new java.util.HashSet<>(algorithms);
            all.add(JWSAlgorithm.EdDSA);
            return all;
        }

        @Override
        public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
            if (JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                if (!(key instanceof RawEd25519PublicKey ed25519)) {
                    throw new JOSEException("EdDSA needs an Ed25519 key");
                }
                return new Verifier(ed25519.x());
            }
            return this.standard.createJWSVerifier(header, key);
        }
    }

    private static final class Verifier extends BaseJWSProvider implements JWSVerifier {

        private final byte[] publicKey;

        Verifier(byte[] publicKey) {
            super(Set.of(JWSAlgorithm.EdDSA));
            this.publicKey = publicKey;
        }

        /** RFC 7515 section 4.1.11: a header that names critical extensions (none is understood here) is refused. */
        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
            if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
                return false;
            }
            byte[] signatureBytes = signature.decode();
            return this.publicKey.length == Ed25519.PUBLIC_KEY_SIZE && signatureBytes.length == Ed25519.SIGNATURE_SIZE
                    && Ed25519.verify(signatureBytes, 0, this.publicKey, 0, signingInput, 0, signingInput.length);
        }
    }
}
