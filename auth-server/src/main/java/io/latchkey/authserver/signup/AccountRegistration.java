package io.latchkey.authserver.signup;

import java.util.Optional;

import io.latchkey.store.account.Account;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.EmailTakenException;
import io.latchkey.store.account.Role;
import io.latchkey.authserver.verification.EmailVerifications;
import io.latchkey.store.audit.AuditEvent;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.mail.MailOutbox;
import io.latchkey.store.throttle.Throttled;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Creating an account, the one way both the JSON API and the sign-up page do it: within the
 * address's sign-up budget, taken before the password is hashed, then recorded in the audit
 * trail and counted ({@code latchkey.signup{outcome=created|taken|throttled}}).
 */
class AccountRegistration {

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final SignupLimit limit;
    private final MeterRegistry meters;
    private final boolean hideExisting;
    private final EmailVerifications verifications;
    private final MailOutbox outbox;

    AccountRegistration(AccountRepository accounts, AuditLog audit, SignupLimit limit, MeterRegistry meters,
            boolean hideExisting, EmailVerifications verifications, MailOutbox outbox) {
        this.verifications = verifications;
        this.outbox = outbox;
        this.accounts = accounts;
        this.audit = audit;
        this.limit = limit;
        this.meters = meters;
        this.hideExisting = hideExisting;
    }

    /**
     * Creates a user account from an already validated form.
     * @return the account; empty when the address is taken and existing accounts are hidden
     *         (the password was hashed all the same, so both cost the same time)
     * @throws EmailTakenException when the email is in use and existing accounts are not hidden
     * @throws Throttled when the address has used up its sign-ups (nothing was hashed)
     * @throws io.latchkey.store.throttle.ThrottleUnavailable when Redis cannot count sign-ups
     */
    public Optional<Account> register(SignUpForm form, String remoteAddress) {
        try {
            this.limit.take(remoteAddress);
        }
        catch (Throttled throttled) {
            count("throttled");
            throw throttled;
        }
        try {
            Account account = this.accounts.create(form.email(), form.name(), form.password(), Role.USER);
            this.audit.record(AuditEvent.of("account.registered").account(account.id()));
            this.verifications.accountCreated(account.email());
            count("created");
            return Optional.of(account);
        }
        catch (EmailTakenException taken) {
            count("taken");
            if (!this.hideExisting) {
                throw taken;
            }
            // The owner is told instead, by mail, as a new account is sent its confirmation.
            this.outbox.enqueue(SignupAttemptMail.KIND, form.email());
            this.audit.record(AuditEvent.of("account.signup_with_taken_email"));
            return Optional.empty();
        }
    }

    /** Whether a sign-up answers the same for a taken address as for a new one. */
    public boolean hidesExistingAccounts() {
        return this.hideExisting;
    }

    private void count(String outcome) {
        this.meters.counter("latchkey.signup", "outcome", outcome).increment();
    }
}
