package io.latchkey.authserver.authorization;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.latchkey.store.account.Account;
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

    /**
     * Claims for an ID token.
     * NOTE: no {@code updated_at} here: ID tokens are stored with the grant as JSON whose
     * deserializer admits no {@code Long}, and Nimbus cannot write an {@code Instant}.
     */
    Map<String, Object> forIdToken(String subject, Set<String> scopes) {
        return claims(subject, scopes, false);
    }

    /** Claims for the UserInfo endpoint: those of the ID token, and when the profile last changed. */
    Map<String, Object> forUserInfo(String subject, Set<String> scopes) {
        return claims(subject, scopes, true);
    }

    private Map<String, Object> claims(String subject, Set<String> scopes, boolean withUpdatedAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(StandardClaimNames.SUB, subject);
        Account account = this.accounts.findById(UUID.fromString(subject)).orElse(null);
        if (account == null) {
            return claims;
        }
        if (scopes.contains(OidcScopes.PROFILE)) {
            claims.put(StandardClaimNames.NAME, account.name());
            if (withUpdatedAt) {
                claims.put(StandardClaimNames.UPDATED_AT, account.updatedAt().getEpochSecond());
            }
        }
        if (scopes.contains(OidcScopes.EMAIL)) {
            claims.put(StandardClaimNames.EMAIL, account.email());
            // NOTE: Latchkey does not verify email ownership yet, so it never claims it did.
            claims.put(StandardClaimNames.EMAIL_VERIFIED, false);
        }
        return claims;
    }
}
