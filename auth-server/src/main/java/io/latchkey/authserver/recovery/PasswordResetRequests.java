package io.latchkey.authserver.recovery;

import io.latchkey.store.account.Emails;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.CodePointLength;

/** The bodies of the reset API, and the fields of the reset pages: one set of rules for both. */
final class PasswordResetRequests {

    private PasswordResetRequests() {
    }

    record Start(@NotBlank @Email @Size(max = 254) String email) {
        Start {
            email = Emails.normalize(email);
        }
    }

    /** The password rules are sign-up's: 8 to 128 characters. */
    record Confirm(@NotBlank @Size(max = 128) String token, @NotBlank @CodePointLength(min = 8, max = 128) String password) {
    }
}
