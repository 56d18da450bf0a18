package io.latchkey.authserver.keys;

import java.time.Instant;

import com.nimbusds.jose.jwk.JWK;

/**
 * One signing key as loaded from the store.
 *
 * @param jwk          the key pair (private part decrypted) of the current key; the public part of the others
 * @param createdAt    when it was made
 * @param signsFrom    when it starts signing: after its publication, for a scheduled rotation
 * @param publishUntil null until it is replaced; then when it leaves JWKS
 * @param current      whether it signs new tokens: of its algorithm, the key that most recently began to sign
 */
record SigningKey(JWK jwk, Instant createdAt, Instant signsFrom, Instant publishUntil, boolean current) {

    String kid() {
        return this.jwk.getKeyID();
    }
}
