package io.latchkey.authserver.firstparty;

import io.latchkey.store.account.Account;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.Role;
import io.latchkey.store.audit.AuditEvent;
import io.latchkey.store.audit.AuditLog;

import org.springframework.stereotype.Service;

/** Creating an account, the one way both the JSON API and the sign-up page do it. */
@Service
public class AccountRegistration {

    private final AccountRepository accounts;
    private final AuditLog audit;

    AccountRegistration(AccountRepository accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * Creates a user account from an already validated form and records it in the audit trail.
     * @throws io.latchkey.store.account.EmailTakenException when the email is in use
     */
    public Account register(AuthRequests.Register form) {
        Account account = this.accounts.create(form.email(), form.name(), form.password(), Role.USER);
        this.audit.record(AuditEvent.of("account.registered").account(account.id()));
        return account;
    }
}
