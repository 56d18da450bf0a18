package io.latchkey.store.grant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What a grant row keeps in place of each token: {@code {sha256}} and the unpadded
 * base64url SHA-256 of the token's UTF-8 bytes. A reader of the database gets no token it
 * could present; a presented token is found by its digest. Tokens are random (codes,
 * refresh tokens, state) or signed (access and ID tokens), so a fast digest is enough:
 * there is nothing to guess, unlike a password.
 * <p>
 * NOTE: changeset 010 computes the same digest in SQL for rows written before it; the two
 * must stay equal ({@code TokenDigestsMigrationTest}).
 */
public final class TokenDigests {

    private static final String PREFIX = "{sha256}";

    private TokenDigests() {
    }

    /** The digest stored for a token. Any string has one, so a lookup by any input is a lookup. */
    public static String of(String token) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(token));
    }

    /**
     * Whether a value is already a digest. Latchkey's tokens never contain {@code {}: they
     * are base64url, or JWTs (base64url and dots).
     */
    public static boolean isDigest(String value) {
        return value.startsWith(PREFIX);
    }

    /** SHA-256 of the token's UTF-8 bytes. */
    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
