package io.latchkey.authserver.publicclient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;

import static org.assertj.core.api.Assertions.assertThat;

class RotatedRefreshTokenGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final RotatedRefreshTokenGenerator generator = new RotatedRefreshTokenGenerator(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aPublicClientsRotatedRefreshTokenLivesItsConfiguredTime() {
        OAuth2RefreshToken token = this.generator.generate(refreshContext(client(ClientAuthenticationMethod.NONE, false)));

        assertThat(token).isNotNull();
        assertThat(token.getTokenValue()).hasSize(128).matches("[A-Za-z0-9_-]+");
        assertThat(token.getIssuedAt()).isEqualTo(NOW);
        assertThat(token.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void aPublicClientThatWouldReuseRefreshTokensIsIssuedNone() {
        assertThat(this.generator.generate(refreshContext(client(ClientAuthenticationMethod.NONE, true)))).isNull();
    }

    @Test
    void aConfidentialClientIsIssuedOneEvenIfItReusesRefreshTokens() {
        assertThat(this.generator.generate(refreshContext(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, true))))
                .isNotNull();
    }

    @Test
    void aTokenTypeOtherThanRefreshGeneratesNothing() {
        assertThat(this.generator.generate(DefaultOAuth2TokenContext.builder()
                .registeredClient(client(ClientAuthenticationMethod.NONE, false))
                .tokenType(OAuth2TokenType.ACCESS_TOKEN).build())).isNull();
    }

    @Test
    void eachTokenIsNew() {
        var context = refreshContext(client(ClientAuthenticationMethod.NONE, false));

        assertThat(this.generator.generate(context).getTokenValue())
                .isNotEqualTo(this.generator.generate(context).getTokenValue());
    }

    private static DefaultOAuth2TokenContext refreshContext(RegisteredClient client) {
        return DefaultOAuth2TokenContext.builder()
                .registeredClient(client)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .tokenType(OAuth2TokenType.REFRESH_TOKEN)
                .build();
    }

    private static RegisteredClient client(ClientAuthenticationMethod method, boolean reuseRefreshTokens) {
        return RegisteredClient.withId("id").clientId("spa")
                .clientAuthenticationMethod(method)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("http://localhost:5173/callback")
                .tokenSettings(TokenSettings.builder().refreshTokenTimeToLive(Duration.ofDays(7))
                        .reuseRefreshTokens(reuseRefreshTokens).build())
                .build();
    }
}
