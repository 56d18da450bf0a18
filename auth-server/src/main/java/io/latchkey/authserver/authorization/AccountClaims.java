package io.latchkey.authserver.authorization;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.latchkey.store.account.AccountRepository;

import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;

/**
 * The OpenID Connect claims about a user, read from the account store at the time
 * they are asked for, and only those the granted scopes allow.
 */
class AccountClaims {

    private final AccountRepository accounts;

    AccountClaims(AccountRepository accounts) {
        this.accounts = accounts;
    }

    Map<String, Object> forUser(String subject, Set<String> scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(StandardClaimNames.SUB, subject);
        this.accounts.findById(UUID.fromString(subject)).ifPresent(account -> {
            if (scopes.contains(OidcScopes.PROFILE)) {
                claims.put(StandardClaimNames.NAME, account.name());
                claims.put(StandardClaimNames.UPDATED_AT, account.updatedAt().getEpochSecond());
            }
            if (scopes.contains(OidcScopes.EMAIL)) {
                claims.put(StandardClaimNames.EMAIL, account.email());
                // NOTE: Latchkey does not verify email ownership yet, so it never claims it did.
                claims.put(StandardClaimNames.EMAIL_VERIFIED, false);
            }
        });
        return claims;
    }
}
