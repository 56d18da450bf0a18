package io.latchkey.store.revocation;

/** Redis could not answer or record a revocation; callers fail closed unless configured otherwise. */
public class RevocationUnavailableException extends RuntimeException {

    public RevocationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
