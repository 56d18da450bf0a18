package io.latchkey.authserver.revocation;

import java.time.Clock;
import java.time.Instant;

import io.latchkey.store.account.AccountIds;
import io.latchkey.store.audit.AuditEvent;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.revocation.RevocationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Ends a whole grant: its access tokens are denied through {@code sid}, its refresh token removed with it. */
public class GrantRevoker {

    private static final Logger log = LoggerFactory.getLogger(GrantRevoker.class);

    private final OAuth2AuthorizationService authorizations;
    private final RegisteredClientRepository clients;
    private final RevocationStore revocations;
    private final AuditLog audit;
    private final Clock clock;

    GrantRevoker(OAuth2AuthorizationService authorizations, RegisteredClientRepository clients,
            RevocationStore revocations, AuditLog audit, Clock clock) {
        this.authorizations = authorizations;
        this.clients = clients;
        this.revocations = revocations;
        this.audit = audit;
        this.clock = clock;
    }

    public void revoke(OAuth2Authorization grant, String auditType, String detail) {
        this.revocations.denyGrant(grant.getId(), lastTokenExpiry(grant));
        this.authorizations.remove(grant);
        RegisteredClient client = this.clients.findById(grant.getRegisteredClientId());
        String clientId = client != null ? client.getClientId() : grant.getRegisteredClientId();
        this.audit.record(AuditEvent.of(auditType).account(AccountIds.fromPrincipalName(grant.getPrincipalName()))
                .client(clientId).grant(grant.getId()).detail(detail));
        log.info("Revoked grant {} of client {}: {}", grant.getId(), clientId, auditType);
    }

    private Instant lastTokenExpiry(OAuth2Authorization grant) {
        Instant latest = this.clock.instant();
        OAuth2Authorization.Token<OAuth2RefreshToken> refresh = grant.getRefreshToken();
        if (refresh != null && refresh.getToken().getExpiresAt() != null && refresh.getToken().getExpiresAt().isAfter(latest)) {
            latest = refresh.getToken().getExpiresAt();
        }
        if (grant.getAccessToken() != null && grant.getAccessToken().getToken().getExpiresAt() != null
                && grant.getAccessToken().getToken().getExpiresAt().isAfter(latest)) {
            latest = grant.getAccessToken().getToken().getExpiresAt();
        }
        return latest;
    }
}
