package io.latchkey.store.account;

import java.util.Locale;

/** What an account may do beyond its own data. */
public enum Role {

    USER, ADMIN;

    /** The value stored in {@code users.role} and carried in the {@code roles} claim. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
