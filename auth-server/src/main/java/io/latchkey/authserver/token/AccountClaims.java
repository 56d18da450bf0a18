package io.latchkey.authserver.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.latchkey.store.account.AccountIds;
import io.latchkey.store.account.AccountRepository;

import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;

/**
 * The OpenID Connect claims about a user, read from the account store at the time
 * they are asked for, and only those the granted scopes allow.
 */
public final class AccountClaims {

    /**
     * Every claim an ID token or UserInfo answer of Latchkey's may carry, for discovery's
     * {@code claims_supported}: the protocol's and the account's.
     */
    public static final List<String> SUPPORTED = List.of(IdTokenClaimNames.ISS, IdTokenClaimNames.SUB, IdTokenClaimNames.AUD,
            IdTokenClaimNames.EXP, IdTokenClaimNames.IAT, IdTokenClaimNames.AUTH_TIME, IdTokenClaimNames.NONCE,
            IdTokenClaimNames.AZP, "sid", StandardClaimNames.NAME, StandardClaimNames.EMAIL,
            StandardClaimNames.EMAIL_VERIFIED, StandardClaimNames.UPDATED_AT);

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
        UUID account = AccountIds.fromPrincipalName(subject);
        return (account == null ? Optional.<Map<String, Object>>empty() : claims(account, scopes, false))
                .orElseGet(() -> Map.of(StandardClaimNames.SUB, subject));
    }

    /**
     * Claims for the UserInfo endpoint: those of the ID token, and when the profile last
     * changed; empty when the account no longer exists.
     */
    public Optional<Map<String, Object>> forUserInfo(UUID account, Set<String> scopes) {
        return claims(account, scopes, true);
    }

    private Optional<Map<String, Object>> claims(UUID id, Set<String> scopes, boolean withUpdatedAt) {
        return this.accounts.findById(id).map(account -> {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put(StandardClaimNames.SUB, id.toString());
            if (scopes.contains(OidcScopes.PROFILE)) {
                claims.put(StandardClaimNames.NAME, account.name());
                if (withUpdatedAt) {
                    claims.put(StandardClaimNames.UPDATED_AT, account.updatedAt().getEpochSecond());
                }
            }
            if (scopes.contains(OidcScopes.EMAIL)) {
                claims.put(StandardClaimNames.EMAIL, account.email());
                claims.put(StandardClaimNames.EMAIL_VERIFIED, account.emailVerified());
            }
            return claims;
        });
    }
}
