package io.latchkey.store.account;

/** Another account already uses this email (the unique index said so). */
public class EmailTakenException extends RuntimeException {

    public EmailTakenException() {
        super("An account with this email already exists");
    }
}
