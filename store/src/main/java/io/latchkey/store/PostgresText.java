package io.latchkey.store;

/**
 * What PostgreSQL's text types can hold: every character but U+0000. A value with that
 * one can match no stored row, and the driver refuses to send it at all, so a lookup
 * should answer "not found" for it before asking the database.
 */
public final class PostgresText {

    private PostgresText() {
    }

    public static boolean canHold(String value) {
        return value.indexOf('\u0000') < 0;
    }
}
