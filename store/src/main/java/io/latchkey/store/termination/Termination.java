package io.latchkey.store.termination;

import java.util.UUID;

import io.latchkey.store.audit.AuditEvent;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.grant.GrantRepository;
import io.latchkey.store.revocation.RevocationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The one place that ends a grant, or everything a user holds, for both servers: the
 * access tokens are denied first (durably, then in Redis), then the grants are deleted
 * (their refresh tokens with them), then the audit trail says so.
 * <p>
 * A grant's denial lasts {@code latchkey.revocation.max-token-lifetime} from now, at least
 * the life of any access token it issued; its refresh token needs no denial, since it is
 * deleted with the grant. Each end is then published as {@link GrantsEnded}.
 */
public class Termination {

    private static final Logger log = LoggerFactory.getLogger(Termination.class);

    private final RevocationStore revocations;
    private final GrantRepository grants;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public Termination(RevocationStore revocations, GrantRepository grants, AuditLog audit, ApplicationEventPublisher events) {
        this.revocations = revocations;
        this.grants = grants;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Ends one grant: a sign-out, a session ended by its user or an admin, a replayed code
     * or a reused refresh token.
     *
     * @param account  whose grant it is, or {@code null} for a client's own grant
     * @param clientId the client's {@code client_id}
     */
    public void endGrant(String grantId, UUID account, String clientId, String auditType, String detail) {
        this.revocations.denyGrant(grantId);
        this.grants.delete(grantId);
        this.events.publishEvent(new GrantsEnded(grantId, account));
        this.audit.record(AuditEvent.of(auditType).account(account).client(clientId).grant(grantId).detail(detail));
        log.info("Ended grant {} of client {}: {}", grantId, clientId, auditType);
    }

    /**
     * Signs the user out everywhere (password change, deletion, "log out everywhere"): every
     * token issued before now is denied, every grant and consent deleted. auth-server ends the
     * user's browser sessions itself when it sees the user-wide denial. The account stays.
     */
    public void endEverythingOf(UUID account, String auditType) {
        this.revocations.denyUserTokensIssuedBefore(account);
        this.grants.deleteAllOf(account);
        this.events.publishEvent(new GrantsEnded(null, account));
        this.audit.record(AuditEvent.of(auditType).account(account));
    }
}
