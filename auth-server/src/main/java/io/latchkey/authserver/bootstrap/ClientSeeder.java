package io.latchkey.authserver.bootstrap;

import java.util.UUID;

import io.latchkey.authserver.token.TokenProperties;
import io.latchkey.authserver.client.ClientSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** Registers the configured clients, or brings an existing registration in line with the configuration. */
class ClientSeeder {

    /** Client setting that allows the {@code password} grant (first-party clients only). */
    static final String FIRST_PARTY_SETTING = io.latchkey.authserver.password.PasswordGrantAuthenticationProvider.FIRST_PARTY_SETTING;

    private static final Logger log = LoggerFactory.getLogger(ClientSeeder.class);

    private final RegisteredClientRepository clients;
    private final PasswordEncoder secrets;
    private final TokenProperties tokens;

    ClientSeeder(RegisteredClientRepository clients, ClientSecrets secrets, TokenProperties tokens) {
        this.clients = clients;
        this.secrets = secrets.encoder();
        this.tokens = tokens;
    }

    void seed(BootstrapProperties.Client client) {
        RegisteredClient existing = this.clients.findByClientId(client.clientId());
        RegisteredClient.Builder builder = RegisteredClient
                .withId(existing != null ? existing.getId() : UUID.randomUUID().toString())
                .clientId(client.clientId())
                .clientName(client.clientName() != null ? client.clientName() : client.clientId());
        if (client.isPublic()) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        else {
            builder.clientSecret(encodedSecret(client, existing))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        client.grantTypes().forEach(grant -> builder.authorizationGrantType(new AuthorizationGrantType(grant)));
        client.redirectUris().forEach(builder::redirectUri);
        client.postLogoutRedirectUris().forEach(builder::postLogoutRedirectUri);
        client.scopes().forEach(builder::scope);
        builder.clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(client.requireConsent())
                        // NOTE: OAuth 2.1 requires PKCE for public clients whatever the configuration says.
                        .requireProofKey(client.requirePkce() || client.isPublic())
                        .setting(FIRST_PARTY_SETTING, client.firstParty())
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(this.tokens.accessTtl())
                        .refreshTokenTimeToLive(this.tokens.refreshTtl())
                        .reuseRefreshTokens(false)
                        .build());
        this.clients.save(builder.build());
        log.info("{} client {}", existing != null ? "Updated" : "Registered", client.clientId());
    }

    /**
     * Keeps the stored hash when the configured secret still matches it and is hashed the
     * current way: no re-hash at every start, but an old Argon2id or bcrypt hash is replaced.
     */
    private String encodedSecret(BootstrapProperties.Client client, RegisteredClient existing) {
        if (existing != null && existing.getClientSecret() != null
                && this.secrets.matches(client.clientSecret(), existing.getClientSecret())
                && !this.secrets.upgradeEncoding(existing.getClientSecret())) {
            return existing.getClientSecret();
        }
        return this.secrets.encode(client.clientSecret());
    }
}
