package io.latchkey.store.account;

import java.util.UUID;

/** Reads an account id where a name may be a user's (a UUID) or a client's own (its client id). */
public final class AccountIds {

    private AccountIds() {
    }

    /** The account id a principal or {@code sub} names, or null for a client acting for itself. */
    public static UUID fromPrincipalName(String name) {
        try {
            return name == null ? null : UUID.fromString(name);
        }
        catch (IllegalArgumentException notAUser) {
            return null;
        }
    }
}
