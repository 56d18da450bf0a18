package io.latchkey.store;

import java.time.Clock;

import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.Profiles;
import io.latchkey.store.change.ChangeFeed;
import io.latchkey.store.change.ChangeFeedConfiguration;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.grant.GrantRepository;
import io.latchkey.store.mail.EmailChanges;
import io.latchkey.store.mail.MailOutbox;
import io.latchkey.store.password.PasswordHashingConfiguration;
import io.latchkey.store.revocation.RevocationConfiguration;
import io.latchkey.store.revocation.RevocationStore;
import io.latchkey.store.termination.Termination;
import io.latchkey.store.throttle.LoginThrottleConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every Latchkey server gets from the shared store: the clock, accounts, password hashing,
 * revocations, ending grants, the brute-force limits on password checks, the audit trail, the mail outbox.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration" })
@Import({ ChangeFeedConfiguration.class, PasswordHashingConfiguration.class, RevocationConfiguration.class, LoginThrottleConfiguration.class })
public class StoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Migrations of apps started at once take turns (see {@link TakingTurns}). */
    @Bean
    static TakingTurns migrationsTakeTurns() {
        return new TakingTurns();
    }

    /** Scheduled jobs (purges, reconciliation) log an outage as one line (see {@link ScheduledJobFailures}). */
    @Bean
    SimpleAsyncTaskSchedulerCustomizer scheduledJobFailuresOnVirtualThreads() {
        return scheduler -> scheduler.setErrorHandler(new ScheduledJobFailures());
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer scheduledJobFailuresOnPlatformThreads() {
        return scheduler -> scheduler.setErrorHandler(new ScheduledJobFailures());
    }

    @Bean
    AuditLog auditLog(JdbcClient jdbc, Clock clock) {
        return new AuditLog(jdbc, clock);
    }

    @Bean
    MailOutbox mailOutbox(JdbcClient jdbc, Clock clock) {
        return new MailOutbox(jdbc, clock);
    }

    @Bean
    EmailChanges emailChanges(MailOutbox outbox, AuditLog audit) {
        return new EmailChanges(outbox, audit);
    }

    @Bean
    GrantRepository grantRepository(JdbcClient jdbc, Clock clock) {
        return new GrantRepository(jdbc, clock);
    }

    @Bean
    Termination termination(RevocationStore revocations, GrantRepository grants, AuditLog audit,
            ApplicationEventPublisher events) {
        return new Termination(revocations, grants, audit, events);
    }

    /** Profiles read by id, in memory while the change feed is current. */
    @Bean
    Profiles profiles(ChangeFeed changes) {
        return new Profiles(changes, 10_000);
    }

    @Bean
    AccountRepository accountRepository(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock,
            PlatformTransactionManager transactions, Profiles profiles) {
        return new AccountRepository(jdbc, passwordEncoder, clock, new TransactionTemplate(transactions), profiles);
    }
}
