package io.latchkey.authserver.keys;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/signingkeys} on the management port: lists the published keys, and a POST
 * rotates the signing key now (a suspected leak, or the last step of rotating the
 * key-encryption secret). CAUTION: like all of actuator, it must stay off the public port.
 */
@Endpoint(id = "signingkeys")
class SigningKeysEndpoint {

    private final SigningKeyRotation rotation;
    private final RotatingJwkSource keys;

    SigningKeysEndpoint(SigningKeyRotation rotation, RotatingJwkSource keys) {
        this.rotation = rotation;
        this.keys = keys;
    }

    @ReadOperation
    List<Map<String, Object>> keys() {
        return this.keys.published().stream()
                .map(key -> Map.<String, Object>of("kid", key.kid(), "alg", key.jwk().getAlgorithm().getName(),
                        "createdAt", key.createdAt().toString(), "signsFrom", key.signsFrom().toString(),
                        "current", key.current(),
                        "publishedUntil", key.publishUntil() == null ? "until replaced" : key.publishUntil().toString()))
                .toList();
    }

    @WriteOperation
    Map<String, Object> rotate() {
        this.rotation.rotateNow();
        return Map.of("current", this.keys.published().stream().filter(SigningKey::current).map(SigningKey::kid).toList());
    }
}
