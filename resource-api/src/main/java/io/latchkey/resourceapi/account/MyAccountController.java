package io.latchkey.resourceapi.account;

import java.time.Instant;
import java.util.UUID;

import io.latchkey.api.FieldProblem;
import io.latchkey.resourceapi.security.CurrentAccount;
import io.latchkey.store.account.Account;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.EmailTakenException;
import io.latchkey.store.audit.AuditEvent;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.mail.EmailChanges;
import io.latchkey.store.termination.Termination;
import io.latchkey.store.throttle.Attempt;
import io.latchkey.store.throttle.LoginThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own account. */
@RestController
@RequestMapping("/api/users/me")
class MyAccountController {

    private final AccountRepository accounts;
    private final AccountDeletion deletion;
    private final Termination termination;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final EmailChanges emailChanges;

    MyAccountController(AccountRepository accounts, AccountDeletion deletion, Termination termination, AuditLog audit,
            LoginThrottle throttle, EmailChanges emailChanges) {
        this.emailChanges = emailChanges;
        this.accounts = accounts;
        this.deletion = deletion;
        this.termination = termination;
        this.audit = audit;
        this.throttle = throttle;
    }

    @GetMapping
    Profile profile(Authentication authentication) {
        return this.accounts.findById(CurrentAccount.id(authentication)).map(Profile::of).orElseThrow(MyAccountController::gone);
    }

    /**
     * A new name applies at once. A new email applies only once that address confirms: it is
     * mailed a link and the old address a notice (202; the profile keeps its email until then).
     */
    @PatchMapping
    ResponseEntity<Profile> update(Authentication authentication, @Valid @RequestBody AccountRequests.ProfileUpdate update) {
        UUID id = CurrentAccount.id(authentication);
        Account current = this.accounts.findById(id).orElseThrow(MyAccountController::gone);
        boolean newEmail = update.email() != null && !update.email().equals(current.email());
        if (newEmail && this.accounts.findByEmail(update.email()).isPresent()) {
            throw new EmailTakenException();
        }
        Profile profile = update.name() == null ? Profile.of(current)
                : this.accounts.updateProfile(id, update.name(), null).map(Profile::of).orElseThrow(MyAccountController::gone);
        this.audit.record(AuditEvent.of("account.updated").account(id));
        if (newEmail) {
            this.emailChanges.request(id, current.email(), update.email());
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(profile);
        }
        return ResponseEntity.ok(profile);
    }

    /**
     * Checks the current password, sets the new one, and ends every token and session of the
     * user. A wrong current password counts against the account's and the address's sign-in
     * budget, so a stolen access token is no way round the brute-force limits.
     */
    @PutMapping("/password")
    ResponseEntity<Void> changePassword(Authentication authentication,
            @Valid @RequestBody AccountRequests.PasswordChange change, HttpServletRequest request) {
        UUID id = CurrentAccount.id(authentication);
        Account account = this.accounts.findById(id).orElseThrow(MyAccountController::gone);
        Attempt attempt = this.throttle.begin(account.email(), request.getRemoteAddr());
        boolean matches;
        try {
            matches = this.accounts.passwordMatches(id, change.currentPassword());
        }
        catch (RuntimeException notChecked) {
            attempt.abandoned();
            throw notChecked;
        }
        if (!matches) {
            attempt.failed();
            throw new FieldProblem("currentPassword", "is not your current password");
        }
        attempt.succeeded();
        this.accounts.changePassword(id, change.newPassword());
        this.termination.endEverythingOf(id, "account.password_changed");
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    ResponseEntity<Void> delete(Authentication authentication) {
        if (!this.deletion.deleteAccount(CurrentAccount.id(authentication), "account.deleted")) {
            throw gone();
        }
        return ResponseEntity.noContent().build();
    }

    private static ErrorResponseException gone() {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "This account no longer exists"), null);
    }

    /** What a user sees of their account: never the password hash, which the account store does not hand out. */
    record Profile(UUID id, String name, String email, boolean emailVerified, String role, Instant createdAt, Instant updatedAt) {

        static Profile of(Account account) {
            return new Profile(account.id(), account.name(), account.email(), account.emailVerified(), account.role().value(),
                    account.createdAt(), account.updatedAt());
        }
    }
}
