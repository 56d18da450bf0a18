package io.latchkey.authserver.login;

import org.springframework.security.authentication.InternalAuthenticationServiceException;

/**
 * Redis cannot count sign-in attempts, so none is checked: sign-in fails closed rather
 * than without its brute-force limits.
 */
public class LoginThrottleUnavailableException extends InternalAuthenticationServiceException {

    LoginThrottleUnavailableException(Throwable cause) {
        super("Sign-in attempts cannot be counted right now", cause);
    }
}
