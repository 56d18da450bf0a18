package io.latchkey.authserver.signup;

import io.latchkey.store.account.Emails;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * A sign-up, from the JSON API's body or the sign-up page's form: the same rules for both.
 * NOTE: names and passwords are measured in characters (code points), as people count them;
 * {@code @Size} counts UTF-16 units, so an emoji or a rarer CJK character counted twice.
 */
public record SignUpForm(
        @NotBlank @CodePointLength(max = 100)
        @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters") String name,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @CodePointLength(min = 8, max = 128) String password,
        @NotNull String passwordConfirm) {

    public SignUpForm {
        email = Emails.normalize(email);
        name = name == null ? null : name.strip();
    }

    public boolean passwordsMatch() {
        return this.password != null && this.password.equals(this.passwordConfirm);
    }
}
