package io.latchkey.authserver.mail;

import java.util.Optional;

import io.latchkey.store.mail.OutboxMail;

/**
 * Makes the mail of one kind of outbox row when it is sent: the place where its links and
 * tokens are made, so the outbox never holds them.
 */
public interface MailKind {

    /** The outbox rows' {@code kind}. */
    String kind();

    /** The mail to send, or empty when there is nothing to send (no such account, say). */
    Optional<Mail> render(OutboxMail mail);
}
