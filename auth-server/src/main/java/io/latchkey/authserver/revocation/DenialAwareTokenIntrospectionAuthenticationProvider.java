package io.latchkey.authserver.revocation;

import java.time.Instant;

import io.latchkey.store.revocation.RevocationStore;
import io.latchkey.store.revocation.TokenFacts;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;

/**
 * {@code /oauth2/introspect} (RFC 7662) that says {@code active: false} for anything the
 * revocation store denies: the token itself, its grant, or its user since a password
 * change, deletion or "log out everywhere".
 */
class DenialAwareTokenIntrospectionAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final OAuth2AuthorizationService authorizations;
    private final RevocationStore revocations;

    DenialAwareTokenIntrospectionAuthenticationProvider(AuthenticationProvider delegate,
            OAuth2AuthorizationService authorizations, RevocationStore revocations) {
        this.delegate = delegate;
        this.authorizations = authorizations;
        this.revocations = revocations;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var result = (OAuth2TokenIntrospectionAuthenticationToken) this.delegate.authenticate(authentication);
        if (!result.getTokenClaims().isActive()) {
            return result;
        }
        OAuth2Authorization grant = this.authorizations.findByToken(result.getToken(), null);
        if (grant == null || RevocationErrors.translate(() -> this.revocations.isDenied(facts(grant, result.getToken())))) {
            return new OAuth2TokenIntrospectionAuthenticationToken(result.getToken(),
                    (Authentication) result.getPrincipal(), OAuth2TokenIntrospection.builder().build());
        }
        return result;
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
