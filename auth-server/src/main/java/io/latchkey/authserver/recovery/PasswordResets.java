package io.latchkey.authserver.recovery;

import java.util.UUID;

import io.latchkey.authserver.mail.MailRequestLimit;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.mail.MailOutbox;
import io.latchkey.store.termination.Termination;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgotten passwords, the one place for pages and JSON API alike. A request answers the same
 * whether or not an account uses the address, and takes the same work either way: it is counted
 * and queued in the mail outbox, nothing more; the outbox's sender looks the address up later
 * ({@link PasswordResetMail}), off the request thread.
 */
class PasswordResets {

    static final String MAIL_KIND = "password-reset";

    private final MailRequestLimit limit;
    private final MailOutbox outbox;
    private final ResetLinks links;
    private final AccountRepository accounts;
    private final Termination termination;
    private final TransactionTemplate transactions;

    PasswordResets(MailRequestLimit limit, MailOutbox outbox, ResetLinks links, AccountRepository accounts,
            Termination termination, TransactionTemplate transactions) {
        this.limit = limit;
        this.outbox = outbox;
        this.links = links;
        this.accounts = accounts;
        this.termination = termination;
        this.transactions = transactions;
    }

    /** Mails a reset link if an account uses the (normalised) address; says nothing either way. */
    void request(String email, String remoteAddress) {
        this.limit.take(email, remoteAddress);
        this.outbox.enqueue(MAIL_KIND, email);
    }

    /** Whether the link would be accepted now. */
    boolean isUsable(String token) {
        return this.links.isUsable(token);
    }

    /**
     * Uses the link and sets the new password; every token and session of the user ends with it
     * (a user-wide denial), in one transaction: when this returns, the old password and every
     * earlier token are refused; when it fails, nothing changed and the link still works.
     * @throws InvalidResetLinkException for a forged, used or expired link
     */
    UUID complete(String token, String newPassword) {
        return this.transactions.execute(status -> {
            UUID account = this.links.redeem(token).orElseThrow(InvalidResetLinkException::new);
            this.accounts.changePassword(account, newPassword);
            this.termination.endEverythingOf(account, "account.password_reset");
            return account;
        });
    }
}
