package io.latchkey.authserver.firstparty;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * The JSON API's request bodies (sign-up's is {@code signup.SignUpForm}).
 * NOTE: passwords are measured in characters (code points), as people count them;
 * {@code @Size} counts UTF-16 units, so an emoji or a rarer CJK character counted twice.
 */
final class AuthRequests {

    private AuthRequests() {
    }

    record Login(@NotBlank @Size(max = 254) String email, @NotBlank @CodePointLength(max = 128) String password) {
    }

    record TokenBody(@JsonProperty("refresh_token") String refreshToken) {
    }
}
