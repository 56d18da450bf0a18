package io.latchkey.authserver.protocol;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * An OAuth error the caller should retry later: answered with its HTTP status (503 when
 * revocations cannot be recorded, 429 when sign-in is throttled) and {@code Retry-After}.
 */
public class RetryLaterException extends OAuth2AuthenticationException {

    private final HttpStatus status;
    private final Duration retryAfter;

    public RetryLaterException(HttpStatus status, String errorCode, String description, Duration retryAfter, Throwable cause) {
        super(new OAuth2Error(errorCode, description, null), description, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public HttpStatus status() {
        return this.status;
    }

    /** Whole seconds, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
    }
}
