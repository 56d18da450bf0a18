package io.latchkey.authserver.account;

import java.util.UUID;

import io.latchkey.store.account.AccountCredentials;
import io.latchkey.store.account.AccountRepository;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Looks accounts up by the email typed at sign-in, and names the resulting user by
 * account id: the id, never the email, becomes the tokens' {@code sub}.
 * <p>
 * Also the {@link UserDetailsPasswordService} through which Spring Security
 * re-hashes a password whose stored encoding is outdated (e.g. bcrypt) at sign-in.
 */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        AccountCredentials credentials = this.accounts.findCredentialsByEmail(email)
                .orElseThrow(() -> new UsernameNotFoundException("No account for this email"));
        return new AccountUser(User.withUsername(credentials.id().toString())
                .password(credentials.passwordHash())
                .roles(credentials.role().name())
                .disabled(!credentials.enabled())
                .build(), credentials.emailVerified());
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newEncodedPassword) {
        // NOTE: user.getPassword() is the hash this sign-in checked; a password changed since is kept.
        this.accounts.replacePasswordHash(UUID.fromString(user.getUsername()), user.getPassword(), newEncodedPassword);
        UserDetails upgraded = User.withUserDetails(user).password(newEncodedPassword).build();
        return user instanceof AccountUser account ? new AccountUser(upgraded, account.isEmailVerified()) : upgraded;
    }
}
