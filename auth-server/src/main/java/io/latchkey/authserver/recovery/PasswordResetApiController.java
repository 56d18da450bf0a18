package io.latchkey.authserver.recovery;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/password-reset}: 202 whether or not an account uses the address;
 * {@code POST /api/auth/password-reset/confirm}: 204 once the new password is set, 400 for a
 * forged, used or expired token.
 */
@RestController
class PasswordResetApiController {

    private final PasswordResets resets;

    PasswordResetApiController(PasswordResets resets) {
        this.resets = resets;
    }

    @PostMapping("/api/auth/password-reset")
    ResponseEntity<ResetRequested> request(@Valid @RequestBody PasswordResetRequests.Start start, HttpServletRequest request) {
        this.resets.request(start.email(), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ResetRequested.INSTANCE);
    }

    @PostMapping("/api/auth/password-reset/confirm")
    ResponseEntity<Void> confirm(@Valid @RequestBody PasswordResetRequests.Confirm confirm) {
        this.resets.complete(confirm.token(), confirm.password());
        return ResponseEntity.noContent().build();
    }

    /** Says nothing of whether an account uses the address. */
    record ResetRequested(String status, String detail) {
        static final ResetRequested INSTANCE = new ResetRequested("received",
                "If an account uses this address, a link to reset its password is on its way.");
    }
}
