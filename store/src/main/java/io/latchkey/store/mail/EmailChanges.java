package io.latchkey.store.mail;

import java.util.UUID;

import io.latchkey.store.audit.AuditEvent;
import io.latchkey.store.audit.AuditLog;

/**
 * An email change asked for by an account's owner (resource-api's {@code PATCH /api/users/me}):
 * the new address is mailed a link, the old one a notice, and nothing changes until the link is
 * used (auth-server makes both mails and applies the change).
 */
public class EmailChanges {

    /** The outbox kinds: the link to the new address, the notice to the old one. */
    public static final String CONFIRMATION = "email-change";
    public static final String NOTICE = "email-change-notice";

    private final MailOutbox outbox;
    private final AuditLog audit;

    public EmailChanges(MailOutbox outbox, AuditLog audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    public void request(UUID account, String currentEmail, String newEmail) {
        this.outbox.enqueue(CONFIRMATION, newEmail, account);
        this.outbox.enqueue(NOTICE, currentEmail, account);
        this.audit.record(AuditEvent.of("account.email_change_requested").account(account));
    }
}
