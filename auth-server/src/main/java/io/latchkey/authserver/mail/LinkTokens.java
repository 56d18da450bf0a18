package io.latchkey.authserver.mail;

import java.security.SecureRandom;
import java.util.Base64;

/** The secret in a mailed link: 256 random bits, base64url. Stored only as its digest ({@code TokenDigests}). */
public final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkTokens() {
    }

    public static String random() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
