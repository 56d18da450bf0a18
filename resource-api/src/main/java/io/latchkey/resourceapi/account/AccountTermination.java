package io.latchkey.resourceapi.account;

import java.util.UUID;

import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.audit.AuditEvent;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.grant.GrantRepository;
import io.latchkey.store.revocation.RevocationStore;

import org.springframework.stereotype.Service;

/**
 * Ends everything a user holds: access tokens (denied), grants and their refresh tokens
 * (deleted) and consents. auth-server ends the user's browser sessions itself when it
 * sees the user-wide denial. Used for password changes, account deletion and an admin's
 * "log out everywhere".
 */
@Service
public class AccountTermination {

    private final RevocationStore revocations;
    private final GrantRepository grants;
    private final AccountRepository accounts;
    private final AuditLog audit;

    AccountTermination(RevocationStore revocations, GrantRepository grants, AccountRepository accounts,
            AuditLog audit) {
        this.revocations = revocations;
        this.grants = grants;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Signs the user out everywhere; the account stays. */
    public void endEverything(UUID userId, String auditType) {
        this.revocations.denyUserTokensIssuedBefore(userId);
        this.grants.deleteAllOf(userId);
        this.audit.record(AuditEvent.of(auditType).account(userId));
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
        endEverything(userId, "account.signed_out_everywhere");
        if (deleted) {
            this.audit.record(AuditEvent.of(auditType).account(userId));
        }
        return deleted;
    }
}
