package io.latchkey.authserver.revocation;

import java.io.IOException;
import java.util.function.Supplier;

import io.latchkey.store.revocation.RevocationUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Turns "the revocation store cannot answer or record" into the protocol's words: an
 * OAuth error {@code temporarily_unavailable}, answered with 503 and {@code Retry-After}.
 */
final class RevocationErrors {

    static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";
    static final String RETRY_AFTER_SECONDS = "5";

    private RevocationErrors() {
    }

    static <T> T translate(Supplier<T> revocationWork) {
        try {
            return revocationWork.get();
        }
        catch (RevocationUnavailableException unavailable) {
            throw new OAuth2AuthenticationException(new OAuth2Error(TEMPORARILY_UNAVAILABLE,
                    "Revocation cannot be checked or recorded right now; try again shortly", null), unavailable);
        }
    }

    /** The endpoints' error handler: 503 for {@code temporarily_unavailable}, Spring's default otherwise. */
    static AuthenticationFailureHandler errorResponseHandler() {
        OAuth2ErrorAuthenticationFailureHandler standard = new OAuth2ErrorAuthenticationFailureHandler();
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            if (exception instanceof OAuth2AuthenticationException oauth
                    && TEMPORARILY_UNAVAILABLE.equals(oauth.getError().getErrorCode())) {
                writeUnavailable(response, oauth.getError());
                return;
            }
            standard.onAuthenticationFailure(request, response, exception);
        };
    }

    private static void writeUnavailable(HttpServletResponse response, OAuth2Error error) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"error\":\"" + error.getErrorCode() + "\",\"error_description\":\""
                + error.getDescription() + "\"}");
    }
}
