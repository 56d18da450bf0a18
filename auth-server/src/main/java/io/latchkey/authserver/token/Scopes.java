package io.latchkey.authserver.token;

import java.util.List;

import org.springframework.security.oauth2.core.oidc.OidcScopes;

/** The scopes Latchkey knows, as published in discovery. */
public final class Scopes {

    public static final String ACCOUNT_READ = "account:read";
    public static final String ACCOUNT_WRITE = "account:write";

    public static final List<String> SUPPORTED = List.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL,
            ACCOUNT_READ, ACCOUNT_WRITE);

    /** Adds the supported scopes a discovery document does not list yet. */
    public static void addSupported(List<String> listed) {
        SUPPORTED.stream().filter(scope -> !listed.contains(scope)).forEach(listed::add);
    }

    private Scopes() {
    }
}
