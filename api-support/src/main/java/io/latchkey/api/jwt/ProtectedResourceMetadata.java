package io.latchkey.api.jwt;

import java.util.List;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;

/**
 * What a resource server says of itself at {@code /.well-known/oauth-protected-resource}
 * (RFC 9728), which its bearer challenges name: who issues its tokens, the scopes it knows,
 * and that tokens go in the {@code Authorization} header. NOTE: Spring's default says its
 * tokens may be bound to TLS client certificates; no Latchkey server checks that, so it is
 * said to be false.
 */
public final class ProtectedResourceMetadata {

    private ProtectedResourceMetadata() {
    }

    public static Customizer<OAuth2ResourceServerConfigurer.ProtectedResourceMetadataConfigurer> of(String issuer,
            List<String> scopes) {
        return metadata -> metadata.protectedResourceMetadataCustomizer(claims -> claims
                .authorizationServer(issuer)
                .scopes(known -> known.addAll(scopes))
                .tlsClientCertificateBoundAccessTokens(false));
    }
}
