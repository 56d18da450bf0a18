package io.latchkey.store;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is PostgreSQL being unreachable (no connection within the pool's bounded
 * wait, a connection lost, a query timed out) rather than anything of the request's making:
 * such a request is answered 503 with {@code Retry-After}, never 500.
 */
public final class StoreOutage {

    /** What {@code Retry-After} says during an outage: about as long as a restart of PostgreSQL takes. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public static final String DETAIL = "Latchkey's database cannot be reached right now; try again shortly.";

    private StoreOutage() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransientDataAccessResourceException || cause instanceof QueryTimeoutException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
