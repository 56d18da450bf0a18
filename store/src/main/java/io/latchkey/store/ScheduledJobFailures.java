package io.latchkey.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.ErrorHandler;

/**
 * What a scheduled job's failure leaves in the log: while PostgreSQL cannot be reached, one
 * WARN line a run (an outage is not a bug, and the next run tries again); anything else in
 * full, as the error it is.
 */
final class ScheduledJobFailures implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobFailures.class);

    @Override
    public void handleError(Throwable failure) {
        if (StoreOutage.isOutage(failure)) {
            log.warn("A scheduled job could not reach the database; it runs again at its next turn: {}",
                    NestedExceptionUtils.getMostSpecificCause(failure).toString());
        }
        else {
            log.error("A scheduled job failed", failure);
        }
    }
}
