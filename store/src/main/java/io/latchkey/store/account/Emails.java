package io.latchkey.store.account;

import java.util.Locale;

/** The one place that says how an email is compared and stored: trimmed, lower-cased. */
public final class Emails {

    private Emails() {
    }

    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
