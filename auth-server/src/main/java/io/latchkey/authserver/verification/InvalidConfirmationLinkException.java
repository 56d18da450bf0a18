package io.latchkey.authserver.verification;

/** A confirmation token that is unknown (forged), used, expired, or for an address the account no longer has. */
class InvalidConfirmationLinkException extends RuntimeException {

    static final String DETAIL = "This confirmation link is invalid, used or expired. Ask for a new one.";

    InvalidConfirmationLinkException() {
        super(DETAIL);
    }

    InvalidConfirmationLinkException(String detail) {
        super(detail);
    }
}
