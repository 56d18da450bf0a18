package io.latchkey.authserver.login;

import io.latchkey.authserver.account.AccountUser;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;

/**
 * The check after a password matched: credentials not expired (Spring's own), and, when
 * verified email is required, a confirmed address.
 */
public final class VerifiedEmailCheck implements UserDetailsChecker {

    private final boolean required;

    public VerifiedEmailCheck(boolean required) {
        this.required = required;
    }

    @Override
    public void check(UserDetails user) {
        if (!user.isCredentialsNonExpired()) {
            throw new org.springframework.security.authentication.CredentialsExpiredException("User credentials have expired");
        }
        if (this.required && user instanceof AccountUser account && !account.isEmailVerified()) {
            throw new EmailNotVerifiedException();
        }
    }
}
