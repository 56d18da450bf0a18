package io.latchkey.authserver.firstparty;

import java.util.function.Supplier;

import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

/**
 * Runs grant providers outside the protocol endpoints: the token generator names the issuer
 * from the request's authorization-server context, which only those endpoints set.
 */
final class IssuerScope {

    private final AuthorizationServerContext context;

    IssuerScope(AuthorizationServerSettings settings) {
        this.context = new AuthorizationServerContext() {
            @Override
            public String getIssuer() {
                return settings.getIssuer();
            }

            @Override
            public AuthorizationServerSettings getAuthorizationServerSettings() {
                return settings;
            }
        };
    }

    <T> T run(Supplier<T> work) {
        AuthorizationServerContextHolder.setContext(this.context);
        try {
            return work.get();
        }
        finally {
            AuthorizationServerContextHolder.resetContext();
        }
    }
}
