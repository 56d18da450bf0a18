package io.latchkey.authserver.keys;

import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code signing_keys} table. Private keys go in encrypted; only the current one comes out decrypted. */
class SigningKeyRepository {

    private final JdbcClient jdbc;
    private final PrivateKeyCipher cipher;

    SigningKeyRepository(JdbcClient jdbc, PrivateKeyCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * Keys still worth publishing at {@code now}, newest first: the next key (published, not
     * signing yet), the current one, and replaced ones until their publication ends. Only the
     * current key of each algorithm is decrypted (it signs); the others are published from
     * their public part alone. A current key found under a previous encryption secret is
     * re-encrypted under the current one, so the previous secret can be dropped after one start.
     */
    List<SigningKey> findPublished(Instant now) {
        List<StoredKey> rows = this.jdbc.sql("""
                SELECT kid, algorithm, public_jwk, private_key, encryption_salt, created_at, signs_from, publish_until
                FROM signing_keys
                WHERE publish_until IS NULL OR publish_until > :now
                ORDER BY signs_from DESC, created_at DESC
                """)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new StoredKey(rs.getString("kid"),
                        SigningAlgorithm.valueOf(rs.getString("algorithm")), rs.getString("public_jwk"), rs.getBytes("private_key"),
                        rs.getString("encryption_salt"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("signs_from").toInstant(),
                        rs.getTimestamp("publish_until") == null ? null : rs.getTimestamp("publish_until").toInstant()))
                .list();
        List<SigningKey> keys = new ArrayList<>();
        Set<SigningAlgorithm> signing = EnumSet.noneOf(SigningAlgorithm.class);
        for (StoredKey row : rows) {
            boolean current = !row.signsFrom().isAfter(now) && signing.add(row.algorithm());
            keys.add(current ? currentKey(row)
                    : new SigningKey(publicKey(row), row.createdAt(), row.signsFrom(), row.publishUntil(), false));
        }
        return keys;
    }

    private SigningKey currentKey(StoredKey row) {
        PrivateKeyCipher.Decrypted decrypted;
        try {
            decrypted = this.cipher.decrypt(row.encryptedPrivateKey(), row.salt());
        }
        catch (IllegalStateException wrongSecret) {
            throw new IllegalStateException("Signing key " + row.kid() + " cannot be decrypted: is "
                    + "latchkey.keys.encryption-secret (or one of latchkey.keys.previous-encryption-secrets) "
                    + "the secret it was stored with?", wrongSecret);
        }
        try {
            JWK pair = row.algorithm().withPrivatePart(publicKey(row), decrypted.plain());
            if (decrypted.underPreviousSecret()) {
                String salt = PrivateKeyCipher.newSalt();
                this.jdbc.sql("UPDATE signing_keys SET private_key = :privateKey, encryption_salt = :salt WHERE kid = :kid")
                        .param("privateKey", this.cipher.encrypt(decrypted.plain(), salt))
                        .param("salt", salt)
                        .param("kid", row.kid())
                        .update();
            }
            return new SigningKey(pair, row.createdAt(), row.signsFrom(), row.publishUntil(), true);
        }
        catch (java.security.GeneralSecurityException ex) {
            throw new IllegalStateException("Signing key " + row.kid() + " cannot be read", ex);
        }
    }

    private static JWK publicKey(StoredKey row) {
        try {
            return JWK.parse(row.publicJwk());
        }
        catch (ParseException ex) {
            throw new IllegalStateException("Signing key " + row.kid() + " has an unreadable public JWK", ex);
        }
    }

    private record StoredKey(String kid, SigningAlgorithm algorithm, String publicJwk, byte[] encryptedPrivateKey, String salt,
            Instant createdAt, Instant signsFrom, Instant publishUntil) {
    }

    /** When the newest unreplaced key of this algorithm (current, or next) was made, or null when there is none. */
    Instant currentKeyCreatedAt(SigningAlgorithm algorithm) {
        return this.jdbc.sql("SELECT max(created_at) FROM signing_keys WHERE publish_until IS NULL AND algorithm = :alg")
                .param("alg", algorithm.name())
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(null);
    }

    /** Drops the next key of this algorithm, if one waits to sign: it never signed anything. */
    void dropNext(SigningAlgorithm algorithm, Instant now) {
        this.jdbc.sql("DELETE FROM signing_keys WHERE algorithm = :alg AND signs_from > :now")
                .param("alg", algorithm.name())
                .param("now", Timestamp.from(now))
                .update();
    }

    void retireCurrent(SigningAlgorithm algorithm, Instant publishUntil) {
        this.jdbc.sql("UPDATE signing_keys SET publish_until = :until WHERE publish_until IS NULL AND algorithm = :alg")
                .param("until", Timestamp.from(publishUntil))
                .param("alg", algorithm.name())
                .update();
    }

    void insert(JWK key, Instant createdAt, Instant signsFrom) throws JOSEException {
        String salt = PrivateKeyCipher.newSalt();
        this.jdbc.sql("""
                INSERT INTO signing_keys (kid, algorithm, public_jwk, private_key, encryption_salt, created_at, signs_from)
                VALUES (:kid, :alg, :jwk, :privateKey, :salt, :createdAt, :signsFrom)
                """)
                .param("kid", key.getKeyID())
                .param("alg", key.getAlgorithm().getName())
                .param("jwk", key.toPublicJWK().toJSONString())
                .param("privateKey", this.cipher.encrypt(SigningAlgorithm.valueOf(key.getAlgorithm().getName()).privatePart(key), salt))
                .param("salt", salt)
                .param("createdAt", Timestamp.from(createdAt))
                .param("signsFrom", Timestamp.from(signsFrom))
                .update();
    }

    /** Serializes rotations of all instances: held until the surrounding transaction ends. */
    void lockForRotation() {
        this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('latchkey.signing_keys'))").query().singleRow();
    }
}
