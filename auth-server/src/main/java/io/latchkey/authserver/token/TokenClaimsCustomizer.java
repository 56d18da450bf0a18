package io.latchkey.authserver.token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.latchkey.authserver.audience.ResourceIndicators;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes the JWTs Latchkey signs.
 * <ul>
 * <li>Access tokens per RFC 9068: {@code typ: at+jwt}, {@code aud} naming the resource
 * server (or those the client named, RFC 8707), plus {@code client_id}, {@code roles} and {@code sid}, the grant the token
 * belongs to, so one grant can be revoked at once.</li>
 * <li>ID tokens: the profile and email claims the granted scopes allow.</li>
 * </ul>
 */
class TokenClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final String ROLE_PREFIX = "ROLE_";

    private final TokenProperties tokens;
    private final AccountClaims accountClaims;
    private final ResourceIndicators resources;

    TokenClaimsCustomizer(TokenProperties tokens, AccountClaims accountClaims, ResourceIndicators resources) {
        this.tokens = tokens;
        this.accountClaims = accountClaims;
        this.resources = resources;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            customizeAccessToken(context);
        }
        else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            this.accountClaims.forIdToken(context.getPrincipal().getName(), context.getAuthorizedScopes())
                    .forEach(context.getClaims()::claim);
        }
    }

    private void customizeAccessToken(JwtEncodingContext context) {
        context.getJwsHeader().type("at+jwt").algorithm(this.tokens.accessTokenAlgorithm().jws());
        // NOTE: plain ArrayLists, because the claims are also stored with the grant as
        // JSON, and Spring's deserializer only admits allow-listed collection types.
        context.getClaims()
                .audience(new ArrayList<>(this.resources.audienceOf(context)))
                .claim("client_id", context.getRegisteredClient().getClientId())
                .claim("roles", roles(context.getPrincipal().getAuthorities()));
        OAuth2Authorization authorization = context.getAuthorization();
        if (authorization != null) {
            context.getClaims().claim("sid", authorization.getId());
        }
    }

    /** {@code ROLE_ADMIN} becomes {@code admin}; a client acting for itself has none. */
    private static List<String> roles(Collection<? extends GrantedAuthority> authorities) {
        Set<String> roles = new TreeSet<>();
        for (String authority : AuthorityUtils.authorityListToSet(authorities)) {
            if (authority.startsWith(ROLE_PREFIX)) {
                roles.add(authority.substring(ROLE_PREFIX.length()).toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(roles);
    }
}
