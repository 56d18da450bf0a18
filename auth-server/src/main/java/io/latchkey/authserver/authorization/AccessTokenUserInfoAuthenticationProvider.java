package io.latchkey.authserver.authorization;

import io.latchkey.authserver.token.AccountClaims;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.latchkey.api.jwt.AccessTokenFacts;
import io.latchkey.authserver.revocation.RevocationErrors;
import io.latchkey.store.account.AccountIds;
import io.latchkey.store.revocation.RevocationStore;
import io.latchkey.store.revocation.TokenFacts;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * {@code /userinfo} answered from the access token itself, as resource-api answers
 * {@code /api/users/me}: the bearer token was verified by the resource-server filter
 * (signature, {@code typ}, issuer, expiry); here it must carry {@code openid}, belong to a
 * user's grant, and not be denied (its {@code jti}, its grant, or its user since a
 * sign-out everywhere), which is one Redis round trip. The claims are read from the
 * account store, so they are never older than the profile.
 * <p>
 * NOTE: Spring's own provider reads the whole grant from PostgreSQL and parses its JSON
 * for this, which cost two thirds of a userinfo request. Every way a grant ends (revoked,
 * refresh-token reuse, sign-out everywhere, account deletion) writes a denial, so the
 * denial check answers what the grant lookup did. One difference, the same as at
 * resource-api: an access token replaced by a refresh stays usable until it expires,
 * unless it is revoked.
 */
class AccessTokenUserInfoAuthenticationProvider implements AuthenticationProvider {

    private final AccountClaims accountClaims;
    private final RevocationStore revocations;

    AccessTokenUserInfoAuthenticationProvider(AccountClaims accountClaims, RevocationStore revocations) {
        this.accountClaims = accountClaims;
        this.revocations = revocations;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var request = (OidcUserInfoAuthenticationToken) authentication;
        if (!(request.getPrincipal() instanceof JwtAuthenticationToken bearer) || !bearer.isAuthenticated()) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
        }
        Jwt token = bearer.getToken();
        Set<String> scopes = scopes(token);
        if (!scopes.contains(OidcScopes.OPENID)) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INSUFFICIENT_SCOPE);
        }
        UUID account = AccountIds.fromPrincipalName(token.getSubject());
        TokenFacts facts = AccessTokenFacts.of(token).orElse(null);
        if (facts == null || facts.sid() == null || account == null) {
            // A client's own token (client_credentials) has no user to describe.
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
        }
        if (RevocationErrors.translate(() -> this.revocations.isDenied(facts))) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
        }
        Map<String, Object> claims = this.accountClaims.forUserInfo(account, scopes)
                .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN));
        return new OidcUserInfoAuthenticationToken(bearer, new OidcUserInfo(claims));
    }

    private static Set<String> scopes(Jwt token) {
        List<String> scopes = token.getClaimAsStringList("scope");
        return scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OidcUserInfoAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
