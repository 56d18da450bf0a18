package io.latchkey.resourceapi.security;

import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.ErrorResponseException;

/** The account a user's access token speaks for. */
public final class CurrentAccount {

    private static final String SESSION_ID = "sid";

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

    /** The grant the token belongs to (its {@code sid}), in either mode; empty for a token without one. */
    public static Optional<String> sessionId(Authentication authentication) {
        Object sid = switch (authentication.getPrincipal()) {
            case ClaimAccessor claims -> claims.getClaim(SESSION_ID);
            case OAuth2AuthenticatedPrincipal introspected -> introspected.getAttribute(SESSION_ID);
            case null, default -> null;
        };
        return sid instanceof String id ? Optional.of(id) : Optional.empty();
    }
}
