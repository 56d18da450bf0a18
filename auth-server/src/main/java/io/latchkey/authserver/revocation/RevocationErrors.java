package io.latchkey.authserver.revocation;

import java.time.Duration;
import java.util.function.Supplier;

import io.latchkey.authserver.protocol.RetryLaterException;
import io.latchkey.store.revocation.RevocationUnavailableException;

import org.springframework.http.HttpStatus;

/**
 * Turns "the revocation store cannot answer or record" into the protocol's words: OAuth
 * error {@code temporarily_unavailable}, a {@link RetryLaterException} answered with 503.
 */
public final class RevocationErrors {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private RevocationErrors() {
    }

    public static <T> T translate(Supplier<T> revocationWork) {
        try {
            return revocationWork.get();
        }
        catch (RevocationUnavailableException unavailable) {
            throw unavailable(unavailable);
        }
    }

    public static RetryLaterException unavailable(RevocationUnavailableException cause) {
        return new RetryLaterException(HttpStatus.SERVICE_UNAVAILABLE, "temporarily_unavailable",
                "Revocations cannot be checked or recorded right now; try again shortly", RETRY_AFTER, cause);
    }
}
