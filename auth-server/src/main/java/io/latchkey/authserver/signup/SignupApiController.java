package io.latchkey.authserver.signup;

import java.time.Instant;
import java.util.UUID;

import io.latchkey.api.FieldProblem;
import io.latchkey.store.account.Account;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/register}: 201 with the new account, or, when existing accounts are
 * hidden, 202 with the same body for a new address and a taken one.
 */
@RestController
class SignupApiController {

    private final AccountRegistration registration;

    SignupApiController(AccountRegistration registration) {
        this.registration = registration;
    }

    @PostMapping("/api/auth/register")
    ResponseEntity<?> register(@Valid @RequestBody SignUpForm form, HttpServletRequest request) {
        if (!form.passwordsMatch()) {
            throw new FieldProblem("passwordConfirm", "must match password");
        }
        var account = this.registration.register(form, request.getRemoteAddr());
        if (this.registration.hidesExistingAccounts()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(SignUpReceived.INSTANCE);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(RegisteredUser.of(account.orElseThrow()));
    }

    record RegisteredUser(UUID id, String name, String email, String role, Instant createdAt) {
        static RegisteredUser of(Account account) {
            return new RegisteredUser(account.id(), account.name(), account.email(), account.role().value(), account.createdAt());
        }
    }

    /** Says nothing of whether the address was free. */
    record SignUpReceived(String status, String detail) {
        static final SignUpReceived INSTANCE = new SignUpReceived("received",
                "Sign-up received. Sign in with your email and password.");
    }
}
