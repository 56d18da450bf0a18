package io.latchkey.store.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code mail_outbox} table. A row says what to send and to whom, never a link or a token:
 * the sender makes those when it sends, so nothing in the table could be used by its reader.
 * <p>
 * Instances share the outbox: {@link #claimDue} takes due rows with {@code SKIP LOCKED} and
 * leases them, so each mail is sent by one instance, and again only if that instance did not
 * say how its attempt ended before the lease ran out (it stopped mid-send).
 */
public class MailOutbox {

    private static final int ERROR_LENGTH = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    public MailOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Queues a mail, due now; in the caller's transaction, if it has one. */
    public void enqueue(String kind, String recipient) {
        enqueue(kind, recipient, null);
    }

    /** Queues a mail about an account, due now; in the caller's transaction, if it has one. */
    public void enqueue(String kind, String recipient, UUID account) {
        Timestamp now = Timestamp.from(this.clock.instant());
        this.jdbc.sql("""
                INSERT INTO mail_outbox (kind, recipient, account_id, created_at, next_attempt_at)
                VALUES (:kind, :recipient, :account, :now, :now)
                """)
                .param("kind", kind)
                .param("recipient", recipient)
                .param("account", account)
                .param("now", now)
                .update();
    }

    /** Takes up to {@code limit} due mails for one attempt each, leased for {@code lease}. */
    public List<OutboxMail> claimDue(int limit, Duration lease) {
        Instant now = this.clock.instant();
        return this.jdbc.sql("""
                UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = :leasedUntil
                WHERE id IN (SELECT id FROM mail_outbox
                             WHERE sent_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= :now
                             ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING id, kind, recipient, account_id, attempts
                """)
                .param("now", Timestamp.from(now))
                .param("leasedUntil", Timestamp.from(now.plus(lease)))
                .param("limit", limit)
                .query((rs, row) -> new OutboxMail(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
                        rs.getObject("account_id", UUID.class), rs.getInt("attempts")))
                .list();
    }

    public void sent(long id) {
        this.jdbc.sql("UPDATE mail_outbox SET sent_at = :now, last_error = NULL WHERE id = :id")
                .param("now", Timestamp.from(this.clock.instant()))
                .param("id", id)
                .update();
    }

    /** Nothing to send after all (no account uses the address, say): the row goes. */
    public void discard(long id) {
        this.jdbc.sql("DELETE FROM mail_outbox WHERE id = :id").param("id", id).update();
    }

    /** The attempt failed; the mail is due again at {@code at}. */
    public void retryAt(long id, Instant at, String error) {
        this.jdbc.sql("UPDATE mail_outbox SET next_attempt_at = :at, last_error = :error WHERE id = :id")
                .param("at", Timestamp.from(at))
                .param("error", shortened(error))
                .param("id", id)
                .update();
    }

    /** No more attempts: the mail stays in the table, marked, for an operator to see. */
    public void giveUp(long id, String error) {
        this.jdbc.sql("UPDATE mail_outbox SET given_up_at = :now, last_error = :error WHERE id = :id")
                .param("now", Timestamp.from(this.clock.instant()))
                .param("error", shortened(error))
                .param("id", id)
                .update();
    }

    /** Mails neither sent nor given up. */
    public long pending() {
        return this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL AND given_up_at IS NULL")
                .query(Long.class).single();
    }

    private static String shortened(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    }
}
