package io.latchkey.authserver.revocation;

import io.latchkey.store.account.AccountIds;
import io.latchkey.store.termination.Termination;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Ends a grant Spring found ({@link Termination#endGrant}): its access tokens are denied
 * through {@code sid}, its refresh token is deleted with it, the audit names its client.
 */
public class GrantRevoker {

    private final RegisteredClientRepository clients;
    private final Termination termination;

    GrantRevoker(RegisteredClientRepository clients, Termination termination) {
        this.clients = clients;
        this.termination = termination;
    }

    public void revoke(OAuth2Authorization grant, String auditType, String detail) {
        RegisteredClient client = this.clients.findById(grant.getRegisteredClientId());
        String clientId = client != null ? client.getClientId() : grant.getRegisteredClientId();
        this.termination.endGrant(grant.getId(), AccountIds.fromPrincipalName(grant.getPrincipalName()), clientId,
                auditType, detail);
    }
}
