package io.latchkey.authserver.grant;

import java.time.Clock;
import java.time.Duration;

import io.latchkey.store.grant.GrantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Once an hour, deletes the grants that ended more than a day ago (every token expired,
 * or an authorization request never finished). Spring's JDBC service never deletes a
 * grant by itself; without this, the table kept every sign-in ever made.
 * Every instance runs it; the delete is the same wherever it runs.
 */
class EndedGrantsPurge {

    private static final Logger log = LoggerFactory.getLogger(EndedGrantsPurge.class);

    /** NOTE: a day past the end, so a grant is never deleted under a request still using it. */
    static final Duration KEPT_AFTER_END = Duration.ofDays(1);

    private final GrantRepository grants;
    private final Clock clock;

    EndedGrantsPurge(GrantRepository grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        int deleted = this.grants.deleteEndedBefore(this.clock.instant().minus(KEPT_AFTER_END));
        if (deleted > 0) {
            log.info("Deleted {} grants that ended more than {} ago", deleted, KEPT_AFTER_END);
        }
    }
}
