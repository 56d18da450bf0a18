package io.latchkey.authserver.verification;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/verify-email}: 204 once the address is confirmed, 400 for a forged,
 * used or expired token; {@code POST /api/auth/verify-email/resend}: 202 whatever the address.
 */
@RestController
class EmailVerificationApiController {

    private final EmailVerifications verifications;

    EmailVerificationApiController(EmailVerifications verifications) {
        this.verifications = verifications;
    }

    @PostMapping("/api/auth/verify-email")
    ResponseEntity<Void> confirm(@Valid @RequestBody EmailVerificationRequests.Confirm confirm) {
        this.verifications.confirm(confirm.token());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/auth/verify-email/resend")
    ResponseEntity<LinkRequested> resend(@Valid @RequestBody EmailVerificationRequests.Resend resend, HttpServletRequest request) {
        this.verifications.resend(resend.email(), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(LinkRequested.INSTANCE);
    }

    /** Says nothing of whether an unverified account uses the address. */
    record LinkRequested(String status, String detail) {
        static final LinkRequested INSTANCE = new LinkRequested("received",
                "If an unconfirmed account uses this address, a new confirmation link is on its way.");
    }
}
