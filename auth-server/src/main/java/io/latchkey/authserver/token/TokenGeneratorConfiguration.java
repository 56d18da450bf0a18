package io.latchkey.authserver.token;

import io.latchkey.authserver.protocol.RetryLaterException;
import io.latchkey.authserver.publicclient.RotatedRefreshTokenGenerator;
import io.latchkey.store.revocation.RevocationStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.latchkey.store.revocation.RevocationUnavailableException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.time.Clock;
import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * The one token generator every grant uses: Spring's, behind a check that revocation can be
 * recorded, counting access tokens issued per grant type ({@code latchkey.tokens.issued}),
 * with refresh tokens for rotating public clients too.
 */
@Configuration(proxyBeanMethods = false)
class TokenGeneratorConfiguration {

    @Bean
    OAuth2TokenGenerator<OAuth2Token> tokenGenerator(JwtEncoder jwtEncoder,
            OAuth2TokenCustomizer<JwtEncodingContext> tokenClaimsCustomizer, RevocationStore revocations,
            ObjectProvider<MeterRegistry> meterRegistry, Clock clock) {
        MeterRegistry meters = meterRegistry.getIfAvailable(SimpleMeterRegistry::new);
        JwtGenerator jwtGenerator = new JwtGenerator(jwtEncoder);
        jwtGenerator.setJwtCustomizer(tokenClaimsCustomizer);
        OAuth2TokenGenerator<OAuth2Token> standard = new DelegatingOAuth2TokenGenerator(jwtGenerator,
                new OAuth2AccessTokenGenerator(), new RotatedRefreshTokenGenerator(clock));
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                // CAUTION: a token issued while revocations cannot be recorded could not be
                // taken back (logout, reuse detection), so none is issued until they can.
                ensureRevocable(revocations);
                OAuth2Token token = standard.generate(context);
                if (token != null) {
                    meters.counter("latchkey.tokens.issued", "grant_type", context.getAuthorizationGrantType().getValue())
                            .increment();
                }
                return token;
            }
            return standard.generate(context);
        };
    }

    private static void ensureRevocable(RevocationStore revocations) {
        try {
            revocations.ensureWritable();
        }
        catch (RevocationUnavailableException unavailable) {
            throw new RetryLaterException(HttpStatus.SERVICE_UNAVAILABLE, "temporarily_unavailable",
                    "Tokens cannot be issued while revocations cannot be recorded; try again shortly",
                    Duration.ofSeconds(5), unavailable);
        }
    }
}
