package io.latchkey.authserver.revocation;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;

import io.latchkey.authserver.authorization.RetryLaterException;
import io.latchkey.store.revocation.RevocationUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Turns "the revocation store cannot answer or record" into the protocol's words (OAuth
 * error {@code temporarily_unavailable}), and answers every {@link RetryLaterException}
 * with its status and {@code Retry-After}.
 */
public final class RevocationErrors {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private RevocationErrors() {
    }

    public static <T> T translate(Supplier<T> revocationWork) {
        try {
            return revocationWork.get();
        }
        catch (RevocationUnavailableException unavailable) {
            throw unavailable(unavailable);
        }
    }

    public static RetryLaterException unavailable(RevocationUnavailableException cause) {
        return new RetryLaterException(HttpStatus.SERVICE_UNAVAILABLE, "temporarily_unavailable",
                "Revocations cannot be checked or recorded right now; try again shortly", RETRY_AFTER, cause);
    }

    /** The endpoints' error handler: status and Retry-After for "retry later", Spring's default otherwise. */
    static AuthenticationFailureHandler errorResponseHandler() {
        return errorResponseHandler(new OAuth2ErrorAuthenticationFailureHandler());
    }

    /** Status and Retry-After for "retry later"; every other error goes to {@code otherwise}. */
    public static AuthenticationFailureHandler errorResponseHandler(AuthenticationFailureHandler otherwise) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            if (exception instanceof RetryLaterException retry) {
                write(response, retry);
                return;
            }
            otherwise.onAuthenticationFailure(request, response, exception);
        };
    }

    private static void write(HttpServletResponse response, RetryLaterException retry) throws IOException {
        response.setStatus(retry.status().value());
        response.setHeader("Retry-After", Long.toString(retry.retryAfterSeconds()));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"error\":\"" + retry.getError().getErrorCode() + "\",\"error_description\":\""
                + retry.getError().getDescription() + "\"}");
    }
}
