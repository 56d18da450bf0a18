package io.latchkey.authserver.login;

import io.latchkey.store.throttle.Attempt;
import io.latchkey.store.throttle.LoginThrottle;
import io.latchkey.store.throttle.ThrottleUnavailable;
import io.latchkey.store.throttle.Throttled;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a password only within the sign-in budgets of its account and of the caller's
 * address ({@link LoginThrottle}), whichever way it arrives: the sign-in form or the
 * password grant. The address comes from the authentication's
 * {@link WebAuthenticationDetails}, which the form's filter sets and the grant passes on.
 */
public final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    public ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Attempt attempt;
        try {
            attempt = this.throttle.begin(authentication.getName(), remoteAddress(authentication));
        }
        catch (Throttled throttled) {
            throw new LoginThrottledException(throttled.retryAfter());
        }
        catch (ThrottleUnavailable unavailable) {
            throw new LoginThrottleUnavailableException(unavailable);
        }
        Authentication user;
        try {
            user = this.passwords.authenticate(authentication);
        }
        catch (InternalAuthenticationServiceException notChecked) {
            attempt.abandoned(); // the store failed, not the password: no failure
            throw notChecked;
        }
        catch (EmailNotVerifiedException rightPassword) {
            attempt.succeeded(); // the password matched: no failure to count
            throw rightPassword;
        }
        catch (AuthenticationException wrong) {
            attempt.failed(); // before the answer: a sign-in waiting on this one then sees the budget spent
            throw wrong;
        }
        catch (RuntimeException notChecked) {
            attempt.abandoned();
            throw notChecked;
        }
        attempt.succeeded();
        return user;
    }

    private static String remoteAddress(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        throw new IllegalArgumentException("A sign-in needs the caller's address (WebAuthenticationDetails) to be throttled");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return this.passwords.supports(authentication);
    }
}
