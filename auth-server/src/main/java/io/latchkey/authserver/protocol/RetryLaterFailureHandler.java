package io.latchkey.authserver.protocol;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A protocol endpoint's error handler: a {@link RetryLaterException} is answered with its
 * status and {@code Retry-After}; every other error goes to the handler it wraps, Spring's
 * OAuth error body by default.
 */
public final class RetryLaterFailureHandler implements AuthenticationFailureHandler {

    private final AuthenticationFailureHandler otherwise;

    public RetryLaterFailureHandler() {
        this(new OAuth2ErrorAuthenticationFailureHandler());
    }

    public RetryLaterFailureHandler(AuthenticationFailureHandler otherwise) {
        this.otherwise = otherwise;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        if (exception instanceof RetryLaterException retry) {
            write(response, retry);
            return;
        }
        this.otherwise.onAuthenticationFailure(request, response, exception);
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
