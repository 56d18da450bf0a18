package io.latchkey.resourceapi.account;

import java.util.UUID;

import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.audit.AuditEvent;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.termination.Termination;

import org.springframework.stereotype.Service;

/** Deletes an account, by its user or an admin, and ends everything it held. */
@Service
public class AccountDeletion {

    private final AccountRepository accounts;
    private final Termination termination;
    private final AuditLog audit;

    AccountDeletion(AccountRepository accounts, Termination termination, AuditLog audit) {
        this.accounts = accounts;
        this.termination = termination;
        this.audit = audit;
    }

    /**
     * Deletes the account, then ends everything it held; the audit event keeps only the id.
     * NOTE: in that order, a sign-in either read the password before the deletion, and so
     * began before the sign-out everywhere that follows (which then ends it), or finds no account.
     * The sign-out also runs for an account already gone, so a retry after a failed sign-out
     * finishes it; the answer is still "not found".
     * @throws io.latchkey.store.account.LastAdminException when it is the only admin; nothing is ended then
     */
    public boolean deleteAccount(UUID userId, String auditType) {
        boolean deleted = this.accounts.delete(userId);
        this.termination.endEverythingOf(userId, "account.signed_out_everywhere");
        if (deleted) {
            this.audit.record(AuditEvent.of(auditType).account(userId));
        }
        return deleted;
    }
}
