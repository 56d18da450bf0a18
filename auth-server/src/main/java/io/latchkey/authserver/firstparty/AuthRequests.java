package io.latchkey.authserver.firstparty;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.store.account.Emails;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * The JSON API's request bodies. The sign-up page validates the same {@link Register} record.
 * NOTE: names and passwords are measured in characters (code points), as people count them;
 * {@code @Size} counts UTF-16 units, so an emoji or a rarer CJK character counted twice.
 */
public final class AuthRequests {

    private AuthRequests() {
    }

    public record Register(
            @NotBlank @CodePointLength(max = 100)
            @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters") String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @CodePointLength(min = 8, max = 128) String password,
            @NotNull String passwordConfirm) {

        public Register {
            email = Emails.normalize(email);
            name = name == null ? null : name.strip();
        }

        public boolean passwordsMatch() {
            return this.password != null && this.password.equals(this.passwordConfirm);
        }
    }

    record Login(@NotBlank @Size(max = 254) String email, @NotBlank @CodePointLength(max = 128) String password) {
    }

    record TokenBody(@JsonProperty("refresh_token") String refreshToken) {
    }
}
