package io.latchkey.resourceapi.security;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;

/** The account a user's access token speaks for. */
public final class CurrentAccount {

    private CurrentAccount() {
    }

    /**
     * The token's {@code sub}, in either mode (JWT or introspection).
     * @throws ErrorResponseException 403 for a client's own token (its {@code sub} is a client id)
     */
    public static UUID id(Authentication authentication) {
        try {
            return UUID.fromString(authentication.getName());
        }
        catch (IllegalArgumentException notAUser) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "This endpoint needs a user's token");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, notAUser);
        }
    }
}
