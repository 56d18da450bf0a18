package io.latchkey.resourceapi.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.latchkey.accesslog.AccessLogFilter;

import org.springframework.core.convert.converter.Converter;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Scopes become {@code SCOPE_account:read}, roles become {@code ROLE_ADMIN}; the principal is
 * {@code sub}. The token's {@code client_id} goes to the access log.
 */
class LatchkeyJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>(this.scopes.convert(jwt));
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT))));
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && jwt.getClaimAsString("client_id") != null) {
            request.setAttribute(AccessLogFilter.CLIENT_ID_ATTRIBUTE, jwt.getClaimAsString("client_id"),
                    RequestAttributes.SCOPE_REQUEST);
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
