package io.latchkey.authserver.keys;

import java.time.Instant;

import com.nimbusds.jose.jwk.JWK;

/**
 * One signing key as loaded from the store.
 *
 * @param jwk       the key pair (private part decrypted), for signing and publishing
 * @param createdAt when it was made; the newest unretired key signs
 * @param publishUntil null while current; once retired, when it leaves JWKS
 */
record SigningKey(JWK jwk, Instant createdAt, Instant publishUntil) {

    String kid() {
        return this.jwk.getKeyID();
    }

    boolean isCurrent() {
        return this.publishUntil == null;
    }
}
