package io.latchkey.resourceapi.account;

import io.latchkey.store.account.Emails;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.CodePointLength;

/** Request bodies of the account endpoints, with the same rules as sign-up (names and passwords measured in characters). */
final class AccountRequests {

    private AccountRequests() {
    }

    /** PATCH: only the fields given change. */
    record ProfileUpdate(
            @CodePointLength(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters") String name,
            @Email @Size(max = 254) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String email) {

        /** Emails are compared trimmed and lower-cased, so they are validated that way too. */
        ProfileUpdate {
            email = Emails.normalize(email);
        }
    }

    record PasswordChange(
            @NotNull @CodePointLength(max = 128) String currentPassword,
            @NotBlank @CodePointLength(min = 8, max = 128) String newPassword) {
    }
}
