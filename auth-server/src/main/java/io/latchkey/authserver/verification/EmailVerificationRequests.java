package io.latchkey.authserver.verification;

import io.latchkey.store.account.Emails;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bodies of the verification API, and the fields of its pages. */
final class EmailVerificationRequests {

    private EmailVerificationRequests() {
    }

    record Resend(@NotBlank @Email @Size(max = 254) String email) {
        Resend {
            email = Emails.normalize(email);
        }
    }

    record Confirm(@NotBlank @Size(max = 128) String token) {
    }
}
