package io.latchkey.authserver.firstparty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.latchkey.authserver.revocation.GrantRevoker;
import io.latchkey.store.account.AccountIds;
import io.latchkey.store.audit.AuditEvent;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.revocation.RevocationStore;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The first-party logout's rule: the sign-in that presented tokens belong to ends, whichever
 * of them is still live. The access token's {@code jti} is denied, and the grants of both
 * tokens (the refresh token's, and the access token's {@code sid}) are ended.
 * <p>
 * NOTE: whatever is live is revoked: an expired access token must not keep the refresh token
 * alive, nor a dead refresh token (rotated by someone else?) the access token's grant.
 */
class FirstPartyLogout {

    private final JwtDecoder accessTokens;
    private final OAuth2AuthorizationService authorizations;
    private final RevocationStore revocations;
    private final GrantRevoker grantRevoker;
    private final AuditLog audit;

    FirstPartyLogout(JwtDecoder accessTokens, OAuth2AuthorizationService authorizations, RevocationStore revocations,
            GrantRevoker grantRevoker, AuditLog audit) {
        this.accessTokens = accessTokens;
        this.authorizations = authorizations;
        this.revocations = revocations;
        this.grantRevoker = grantRevoker;
        this.audit = audit;
    }

    /** Ends what the tokens hold; false when neither token was live, so nothing was ended. */
    boolean end(Optional<String> accessToken, Optional<String> refreshToken) {
        Jwt access = accessToken.flatMap(this::liveAccessToken).orElse(null);
        List<OAuth2Authorization> grants = new ArrayList<>();
        refreshToken.flatMap(this::liveGrantOf).ifPresent(grants::add);
        if (access != null) {
            this.revocations.denyToken(access.getId(), access.getExpiresAt());
            Optional.ofNullable(access.getClaimAsString("sid")).map(this.authorizations::findById)
                    .filter(held -> grants.stream().noneMatch(grant -> grant.getId().equals(held.getId())))
                    .ifPresent(grants::add);
        }
        grants.forEach(grant -> this.grantRevoker.revoke(grant, "logout", "signed out through the first-party API"));
        if (grants.isEmpty() && access != null) {
            this.audit.record(AuditEvent.of("logout").account(AccountIds.fromPrincipalName(access.getSubject()))
                    .grant(access.getClaimAsString("sid")));
        }
        return access != null || !grants.isEmpty();
    }

    private Optional<Jwt> liveAccessToken(String token) {
        try {
            return Optional.of(this.accessTokens.decode(token));
        }
        catch (JwtException invalid) {
            return Optional.empty();
        }
    }

    private Optional<OAuth2Authorization> liveGrantOf(String refreshToken) {
        OAuth2Authorization grant = this.authorizations.findByToken(refreshToken, OAuth2TokenType.REFRESH_TOKEN);
        if (grant == null || grant.getRefreshToken() == null || !grant.getRefreshToken().isActive()) {
            return Optional.empty();
        }
        return Optional.of(grant);
    }
}
