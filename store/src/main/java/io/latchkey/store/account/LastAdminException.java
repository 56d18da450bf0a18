package io.latchkey.store.account;

/** The account is the only admin left, so deleting it would leave nobody to administer the others. */
public class LastAdminException extends RuntimeException {

    public LastAdminException() {
        super("This is the only admin account; it cannot be deleted");
    }
}
