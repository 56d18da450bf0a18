package io.latchkey.authserver.authorization;

import java.util.List;
import java.util.Map;

import io.latchkey.authserver.token.AccountClaims;
import io.latchkey.authserver.token.Scopes;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadata;
import org.springframework.security.oauth2.server.authorization.oidc.OidcProviderConfiguration;

/**
 * What both discovery documents say: only what a client can use today, each entry proven by
 * DiscoveryTest. Spring would also list the JWT and TLS client authentication methods,
 * certificate-bound tokens and DPoP, which no Latchkey client is set up for.
 * NOTE: one customizer per endpoint: a second call would replace the first.
 */
final class Discovery {

    /** Supported by Spring but granted to no Latchkey client, so not advertised. */
    private static final String TOKEN_EXCHANGE = AuthorizationGrantType.TOKEN_EXCHANGE.getValue();

    /** The first-party extension grant (see the password package), advertised with the standard ones. */
    private static final String PASSWORD = "password";

    private Discovery() {
    }

    static void advertise(OAuth2AuthorizationServerMetadata.Builder claims) {
        claims.scopes(Scopes::addSupported).grantTypes(Discovery::advertiseGrants)
                .tokenEndpointAuthenticationMethods(Discovery::secretsAndPublicClients)
                .tokenRevocationEndpointAuthenticationMethods(Discovery::secretsAndPublicClients)
                .tokenIntrospectionEndpointAuthenticationMethods(Discovery::secrets)
                .claims(Discovery::withoutSenderConstraints);
    }

    static void advertise(OidcProviderConfiguration.Builder claims) {
        claims.scopes(Scopes::addSupported).grantTypes(Discovery::advertiseGrants)
                .tokenEndpointAuthenticationMethods(Discovery::secretsAndPublicClients)
                .tokenRevocationEndpointAuthenticationMethods(Discovery::secretsAndPublicClients)
                .tokenIntrospectionEndpointAuthenticationMethods(Discovery::secrets)
                .claims(Discovery::withoutSenderConstraints)
                .claim("claims_supported", AccountClaims.SUPPORTED);
    }

    /** Confidential clients authenticate with their secret, by Basic or in the body (see client). */
    private static void secrets(List<String> methods) {
        methods.retainAll(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(),
                ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue()));
    }

    /** Public clients use the token endpoint (PKCE, refresh) and revocation with no credentials: see publicclient. */
    private static void secretsAndPublicClients(List<String> methods) {
        secrets(methods);
        methods.add(ClientAuthenticationMethod.NONE.getValue());
    }

    /** Access tokens are bearer tokens: neither certificate-bound (RFC 8705) nor DPoP-bound (RFC 9449) yet. */
    private static void withoutSenderConstraints(Map<String, Object> claims) {
        claims.remove("tls_client_certificate_bound_access_tokens");
        claims.remove("dpop_signing_alg_values_supported");
    }

    private static void advertiseGrants(List<String> grants) {
        grants.remove(TOKEN_EXCHANGE);
        if (!grants.contains(PASSWORD)) {
            grants.add(PASSWORD);
        }
    }
}
