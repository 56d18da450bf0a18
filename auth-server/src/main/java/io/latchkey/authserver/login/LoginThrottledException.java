package io.latchkey.authserver.login;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** This account or this address has used up its failed sign-ins; the password was not checked. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins; try again later");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return this.retryAfter;
    }
}
