package io.latchkey.resourceapi.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimAccessor;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;

/**
 * In introspection mode, turns auth-server's answer into the same authorities as a JWT
 * ({@code SCOPE_*}, {@code ROLE_*}), after the same audience and bearer-only rules.
 */
class IntrospectedTokenConverter implements Converter<OAuth2TokenIntrospectionClaimAccessor, OAuth2AuthenticatedPrincipal> {

    private final String audience;

    IntrospectedTokenConverter(String audience) {
        this.audience = audience;
    }

    @Override
    public OAuth2AuthenticatedPrincipal convert(OAuth2TokenIntrospectionClaimAccessor claims) {
        List<String> audiences = claims.getAudience();
        if (audiences == null || !audiences.contains(this.audience)) {
            throw new BadOpaqueTokenException("The token is not meant for this resource server");
        }
        if (claims.hasClaim(BearerOnly.CONFIRMATION)) {
            throw new BadOpaqueTokenException("The token is bound to a key and cannot be used as a bearer token");
        }
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        List<String> scopes = claims.getScopes();
        if (scopes != null) {
            scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        }
        List<String> roles = claims.getClaimAsStringList("roles");
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT))));
        }
        return new OAuth2IntrospectionAuthenticatedPrincipal(claims.getSubject(), claims.getClaims(), authorities);
    }
}
