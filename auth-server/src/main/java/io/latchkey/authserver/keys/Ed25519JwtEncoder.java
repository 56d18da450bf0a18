package io.latchkey.authserver.keys;

import java.net.URL;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.api.jwt.Ed25519JwsSigner;

import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;

/**
 * Signs JWTs whose header asks for EdDSA with the current Ed25519 key; every other
 * algorithm goes to Spring's {@code NimbusJwtEncoder}, which cannot sign EdDSA without
 * Google Tink. The header keeps {@code alg}, {@code typ} and the key's {@code kid}.
 */
class Ed25519JwtEncoder implements JwtEncoder {

    private static final Set<String> HEADERS = Set.of("alg", "typ", "kid");

    private final JwtEncoder others;
    private final Supplier<OctetKeyPair> currentKey;
    private final Map<String, Ed25519JwsSigner> signers = new ConcurrentHashMap<>();

    /**
     * @param others     signs every other algorithm
     * @param currentKey the Ed25519 key pair that signs now
     */
    Ed25519JwtEncoder(JwtEncoder others, Supplier<OctetKeyPair> currentKey) {
        this.others = others;
        this.currentKey = currentKey;
    }

    @Override
    public Jwt encode(JwtEncoderParameters parameters) {
        JwsHeader header = parameters.getJwsHeader();
        JwsAlgorithm algorithm = header == null ? null : header.getAlgorithm();
        if (algorithm == null || !JWSAlgorithm.EdDSA.getName().equals(algorithm.getName())) {
            return this.others.encode(parameters);
        }
        if (!HEADERS.containsAll(header.getHeaders().keySet())) {
            throw new JwtEncodingException("EdDSA tokens carry only the alg, typ and kid headers, not " + header.getHeaders().keySet());
        }
        OctetKeyPair key = this.currentKey.get();
        JWSHeader.Builder jws = new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(key.getKeyID());
        if (header.getType() != null) {
            jws.type(new JOSEObjectType(header.getType()));
        }
        JwtClaimsSet claims = parameters.getClaims();
        SignedJWT jwt = new SignedJWT(jws.build(), nimbus(claims));
        try {
            jwt.sign(this.signers.computeIfAbsent(key.getKeyID(), kid -> new Ed25519JwsSigner(key)));
        }
        catch (JOSEException ex) {
            throw new JwtEncodingException("Could not sign the JWT with EdDSA: " + ex.getMessage(), ex);
        }
        Map<String, Object> headers = new LinkedHashMap<>(header.getHeaders());
        headers.put("kid", key.getKeyID());
        return new Jwt(jwt.serialize(), claims.getIssuedAt(), claims.getExpiresAt(), headers, claims.getClaims());
    }

    /** The claims as Nimbus writes them: instants as NumericDate seconds, URLs as strings. */
    private static JWTClaimsSet nimbus(JwtClaimsSet claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.getClaims().forEach((name, value) -> builder.claim(name, switch (value) {
            case Instant instant -> Date.from(instant);
            case URL url -> url.toString();
            case Collection<?> values -> List.copyOf(values);
            default -> value;
        }));
        return builder.build();
    }
}
