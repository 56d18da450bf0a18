package io.latchkey.authserver.keys;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code signing_keys} table. Private keys go in encrypted and come out decrypted. */
class SigningKeyRepository {

    private final JdbcClient jdbc;
    private final PrivateKeyCipher cipher;

    SigningKeyRepository(JdbcClient jdbc, PrivateKeyCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Keys still worth publishing at {@code now}, newest first. */
    List<SigningKey> findPublished(Instant now) {
        return this.jdbc.sql("""
                SELECT kid, public_jwk, private_key, encryption_salt, created_at, publish_until
                FROM signing_keys
                WHERE publish_until IS NULL OR publish_until > :now
                ORDER BY created_at DESC
                """)
                .param("now", Timestamp.from(now))
                .query(this::signingKey)
                .list();
    }

    /** When the current key was made, or null when there is none. */
    Instant currentKeyCreatedAt() {
        return this.jdbc.sql("SELECT max(created_at) FROM signing_keys WHERE publish_until IS NULL")
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(null);
    }

    void retireCurrent(Instant publishUntil) {
        this.jdbc.sql("UPDATE signing_keys SET publish_until = :until WHERE publish_until IS NULL")
                .param("until", Timestamp.from(publishUntil))
                .update();
    }

    void insert(RSAKey key, Instant createdAt) throws JOSEException {
        String salt = PrivateKeyCipher.newSalt();
        this.jdbc.sql("""
                INSERT INTO signing_keys (kid, algorithm, public_jwk, private_key, encryption_salt, created_at)
                VALUES (:kid, :alg, :jwk, :privateKey, :salt, :createdAt)
                """)
                .param("kid", key.getKeyID())
                .param("alg", key.getAlgorithm().getName())
                .param("jwk", key.toPublicJWK().toJSONString())
                .param("privateKey", this.cipher.encrypt(key.toPrivateKey().getEncoded(), salt))
                .param("salt", salt)
                .param("createdAt", Timestamp.from(createdAt))
                .update();
    }

    /** Serializes rotations of all instances: held until the surrounding transaction ends. */
    void lockForRotation() {
        this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('latchkey.signing_keys'))").query().singleRow();
    }

    private byte[] decrypt(ResultSet rs) throws SQLException {
        try {
            return this.cipher.decrypt(rs.getBytes("private_key"), rs.getString("encryption_salt"));
        }
        catch (IllegalStateException wrongSecret) {
            throw new IllegalStateException("Signing key " + rs.getString("kid")
                    + " cannot be decrypted: is latchkey.keys.encryption-secret the one it was stored with?", wrongSecret);
        }
    }

    private SigningKey signingKey(ResultSet rs, int row) throws SQLException {
        try {
            RSAKey publicKey = JWK.parse(rs.getString("public_jwk")).toRSAKey();
            byte[] pkcs8 = decrypt(rs);
            PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            RSAKey pair = new RSAKey.Builder(publicKey).privateKey((RSAPrivateKey) privateKey).build();
            Timestamp publishUntil = rs.getTimestamp("publish_until");
            return new SigningKey(pair, rs.getTimestamp("created_at").toInstant(),
                    publishUntil == null ? null : publishUntil.toInstant());
        }
        catch (ParseException | java.security.GeneralSecurityException ex) {
            throw new IllegalStateException("Signing key " + rs.getString("kid") + " cannot be read", ex);
        }
    }
}
