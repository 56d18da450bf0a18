package io.latchkey.testing;

import java.util.Locale;

/** Email addresses no other test uses, so tests sharing one store never collide. */
public final class TestEmails {

    private TestEmails() {
    }

    /** {@code prefix.<8 random characters>@example.com}, lower case. */
    public static String unique(String prefix) {
        return prefix + "." + AuthorizationCodeFlow.randomToken().substring(0, 8).toLowerCase(Locale.ROOT) + "@example.com";
    }
}
