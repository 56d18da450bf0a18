package io.latchkey.authserver.grant;

import java.util.HashMap;
import java.util.Map;

import io.latchkey.store.termination.GrantsEnded;

import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers, for the rest of one HTTP request, a grant found by a token of unknown type.
 * Introspection and revocation look the grant up twice that way (Spring's provider, then
 * Latchkey's revocation step); the second time is answered from the request instead of
 * PostgreSQL. Lookups by a token of known type always go to the store.
 * Any save or remove forgets everything, and so does a grant ended by store's
 * {@code Termination} (which deletes with its own SQL), so a request never sees a grant older
 * than its own writes. Outside a request, every call goes to the store.
 */
class RequestScopedAuthorizationLookups implements OAuth2AuthorizationService {

    private static final String FOUND = RequestScopedAuthorizationLookups.class.getName() + ".found";

    private final OAuth2AuthorizationService delegate;

    RequestScopedAuthorizationLookups(OAuth2AuthorizationService delegate) {
        this.delegate = delegate;
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (tokenType != null) {
            return this.delegate.findByToken(token, tokenType);
        }
        Map<String, OAuth2Authorization> found = found(true);
        OAuth2Authorization remembered = found == null ? null : found.get(token);
        if (remembered != null) {
            return remembered;
        }
        OAuth2Authorization authorization = this.delegate.findByToken(token, tokenType);
        if (authorization != null && found != null) {
            found.put(token, authorization);
        }
        return authorization;
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return this.delegate.findById(id);
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        forget();
        this.delegate.save(authorization);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        forget();
        this.delegate.remove(authorization);
    }

    @EventListener
    void grantsEnded(GrantsEnded ended) {
        forget();
    }

    private void forget() {
        Map<String, OAuth2Authorization> found = found(false);
        if (found != null) {
            found.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, OAuth2Authorization> found(boolean create) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        Object found = request.getAttribute(FOUND, RequestAttributes.SCOPE_REQUEST);
        if (found == null && create) {
            found = new HashMap<String, OAuth2Authorization>();
            request.setAttribute(FOUND, found, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, OAuth2Authorization>) found;
    }
}
