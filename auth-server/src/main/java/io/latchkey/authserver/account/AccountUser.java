package io.latchkey.authserver.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/** The user a sign-in checks: Spring's {@link User}, and whether the account's email is verified. */
public final class AccountUser extends User {

    private final boolean emailVerified;

    AccountUser(UserDetails user, boolean emailVerified) {
        super(user.getUsername(), user.getPassword(), user.isEnabled(), user.isAccountNonExpired(),
                user.isCredentialsNonExpired(), user.isAccountNonLocked(), user.getAuthorities());
        this.emailVerified = emailVerified;
    }

    public boolean isEmailVerified() {
        return this.emailVerified;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
