package io.latchkey.authserver.verification;

import io.latchkey.authserver.mail.MailRequestLimit;
import io.latchkey.store.audit.AuditEvent;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.EmailTakenException;
import io.latchkey.store.mail.MailOutbox;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirming that an account's owner reads mail at its address, for pages and JSON API alike.
 * Asking for a link answers the same for any address and does the same work: it is counted and
 * queued; the outbox's sender decides later whether there is anything to send
 * ({@link EmailConfirmationMail}).
 */
public class EmailVerifications {

    static final String MAIL_KIND = "email-confirmation";


    private final MailRequestLimit limit;
    private final MailOutbox outbox;
    private final EmailConfirmations confirmations;
    private final AccountRepository accounts;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    EmailVerifications(MailRequestLimit limit, MailOutbox outbox, EmailConfirmations confirmations, AccountRepository accounts,
            AuditLog audit, TransactionTemplate transactions) {
        this.limit = limit;
        this.outbox = outbox;
        this.confirmations = confirmations;
        this.accounts = accounts;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Queues the confirmation mail of a new account (sign-up's budget already counted it). */
    public void accountCreated(String email) {
        this.outbox.enqueue(MAIL_KIND, email);
    }

    /** A new link, on request: for an unverified account at the address, if there is one. */
    void resend(String email, String remoteAddress) {
        this.limit.take(email, remoteAddress);
        this.outbox.enqueue(MAIL_KIND, email);
    }

    boolean isUsable(String token) {
        return this.confirmations.isUsable(token);
    }

    /** @throws InvalidConfirmationLinkException for a forged, used or expired link, or one to an address the account left */
    void confirm(String token) {
        this.transactions.executeWithoutResult(status -> {
            EmailConfirmations.Confirmed confirmed = this.confirmations.redeem(token)
                    .orElseThrow(InvalidConfirmationLinkException::new);
            if (confirmed.purpose() == EmailConfirmations.Purpose.CHANGE) {
                try {
                    if (!this.accounts.changeEmail(confirmed.account(), confirmed.email())) {
                        throw new InvalidConfirmationLinkException();
                    }
                }
                catch (EmailTakenException taken) {
                    throw new InvalidConfirmationLinkException("Another account uses this address now; the email stays as it was.");
                }
                this.audit.record(AuditEvent.of("account.email_changed").account(confirmed.account()));
                return;
            }
            if (!this.accounts.markEmailVerified(confirmed.account(), confirmed.email())) {
                throw new InvalidConfirmationLinkException();
            }
            this.audit.record(AuditEvent.of("account.email_verified").account(confirmed.account()));
        });
    }
}
