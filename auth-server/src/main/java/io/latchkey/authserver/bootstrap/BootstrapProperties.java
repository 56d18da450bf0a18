package io.latchkey.authserver.bootstrap;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What to create at start-up. Nothing is created unless it is configured.
 *
 * @param adminEmail    the first admin's email
 * @param adminPassword its password; when empty in the local profile, one is generated and printed once
 * @param clients       clients to register (created, or updated to match)
 */
@Validated
@ConfigurationProperties("latchkey.bootstrap")
public record BootstrapProperties(
        String adminEmail,
        String adminPassword,
        @DefaultValue List<@Valid Client> clients) {

    /**
     * One registered client.
     *
     * @param clientSecret   absent for a public client (then PKCE is required)
     * @param firstParty     may use the {@code password} grant
     * @param requireConsent shows the consent page before the first authorization
     */
    public record Client(
            @NotBlank String clientId,
            String clientSecret,
            String clientName,
            @NotEmpty Set<String> grantTypes,
            @DefaultValue Set<String> redirectUris,
            @DefaultValue Set<String> postLogoutRedirectUris,
            @NotEmpty Set<String> scopes,
            @DefaultValue("false") boolean requireConsent,
            @DefaultValue("true") boolean requirePkce,
            @DefaultValue("false") boolean firstParty) {

        boolean isPublic() {
            return this.clientSecret == null || this.clientSecret.isBlank();
        }
    }
}
