package io.latchkey.authserver.recovery;

/** A reset token that is unknown (forged, mistyped), used already, or expired: one answer for all three. */
class InvalidResetLinkException extends RuntimeException {

    static final String DETAIL = "This password reset link is invalid, used or expired. Ask for a new one.";

    InvalidResetLinkException() {
        super(DETAIL);
    }
}
