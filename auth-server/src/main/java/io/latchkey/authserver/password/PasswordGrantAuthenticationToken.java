package io.latchkey.authserver.password;

import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/** A token request with {@code grant_type=password}. */
public class PasswordGrantAuthenticationToken extends OAuth2AuthorizationGrantAuthenticationToken {

    public static final AuthorizationGrantType PASSWORD = new AuthorizationGrantType("password");

    private final String username;
    private final String password;
    private final Set<String> scopes;
    private final String remoteAddress;

    public PasswordGrantAuthenticationToken(Authentication clientPrincipal, String username, String password,
            Set<String> scopes, String remoteAddress, Map<String, Object> additionalParameters) {
        super(PASSWORD, clientPrincipal, additionalParameters);
        this.username = username;
        this.password = password;
        this.scopes = Set.copyOf(scopes);
        this.remoteAddress = remoteAddress;
    }

    public String getUsername() {
        return this.username;
    }

    @Override
    public Object getCredentials() {
        return this.password;
    }

    String password() {
        return this.password;
    }

    public Set<String> getScopes() {
        return this.scopes;
    }

    /** Where the request came from, for per-IP throttling. */
    public String getRemoteAddress() {
        return this.remoteAddress;
    }
}
