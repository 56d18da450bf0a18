package io.latchkey.authserver.revocation;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.latchkey.api.jwt.AccessTokenFacts;
import io.latchkey.store.revocation.RevocationStore;
import io.latchkey.store.revocation.TokenFacts;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;

/**
 * {@code /oauth2/introspect} (RFC 7662) that says {@code active: false} for anything the
 * revocation store denies: the token itself, its grant, or its user since a password
 * change, deletion or "log out everywhere".
 * <p>
 * An access token of this issuer is answered from the token itself, as resource-api judges
 * it: signature (verified once, see {@link OwnAccessTokens}), {@code typ}, issuer, expiry,
 * and the denial check, one Redis round trip. Its claims are the token's. Anything else (a
 * refresh token, a token that does not verify) goes to Spring's provider, which looks the
 * grant up in PostgreSQL. NOTE: Spring's lookup parsed the whole grant's JSON on every
 * call, most of an introspection's cost. Every way a grant ends writes a denial, and
 * revoking an access token denies its {@code jti} whether or not its grant still holds it,
 * so the denial check answers what the lookup did; like resource-api, an access token
 * replaced by a refresh stays active until it expires, unless it is revoked.
 */
class DenialAwareTokenIntrospectionAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final OAuth2AuthorizationService authorizations;
    private final RevocationStore revocations;
    private final OwnAccessTokens accessTokens;

    DenialAwareTokenIntrospectionAuthenticationProvider(AuthenticationProvider delegate,
            OAuth2AuthorizationService authorizations, RevocationStore revocations, OwnAccessTokens accessTokens) {
        this.delegate = delegate;
        this.authorizations = authorizations;
        this.revocations = revocations;
        this.accessTokens = accessTokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var request = (OAuth2TokenIntrospectionAuthenticationToken) authentication;
        if (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()) {
            Jwt accessToken = this.accessTokens.verify(request.getToken()).orElse(null);
            if (accessToken != null) {
                return introspected(request.getToken(), client, accessToken);
            }
        }
        var result = (OAuth2TokenIntrospectionAuthenticationToken) this.delegate.authenticate(authentication);
        if (!result.getTokenClaims().isActive()) {
            return result;
        }
        OAuth2Authorization grant = this.authorizations.findByToken(result.getToken(), null);
        if (grant == null || RevocationErrors.translate(() -> this.revocations.isDenied(facts(grant, result.getToken())))) {
            return inactive(result.getToken(), (Authentication) result.getPrincipal());
        }
        return result;
    }

    private Authentication introspected(String tokenValue, OAuth2ClientAuthenticationToken client, Jwt token) {
        TokenFacts facts = AccessTokenFacts.of(token).orElse(null);
        if (facts == null || RevocationErrors.translate(() -> this.revocations.isDenied(facts))) {
            return inactive(tokenValue, client);
        }
        Map<String, Object> claims = new HashMap<>(token.getClaims());
        if (claims.get(OAuth2TokenIntrospectionClaimNames.SCOPE) instanceof String scopes) {
            claims.put(OAuth2TokenIntrospectionClaimNames.SCOPE, Arrays.asList(scopes.split(" ")));
        }
        OAuth2TokenIntrospection introspection = OAuth2TokenIntrospection.withClaims(claims)
                .active(true)
                .tokenType(OAuth2AccessToken.TokenType.BEARER.getValue())
                .build();
        return new OAuth2TokenIntrospectionAuthenticationToken(tokenValue, client, introspection);
    }

    private static Authentication inactive(String tokenValue, Authentication client) {
        return new OAuth2TokenIntrospectionAuthenticationToken(tokenValue, client, OAuth2TokenIntrospection.builder().build());
    }

    private static TokenFacts facts(OAuth2Authorization grant, String tokenValue) {
        OAuth2Authorization.Token<OAuth2Token> token = grant.getToken(tokenValue);
        Instant issuedAt = token.getToken().getIssuedAt();
        String jti = null;
        if (token.getToken() instanceof OAuth2AccessToken && token.getClaims() != null && token.getClaims().get("jti") != null) {
            jti = token.getClaims().get("jti").toString();
        }
        return new TokenFacts(jti, grant.getId(), grant.getPrincipalName(), issuedAt);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2TokenIntrospectionAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
