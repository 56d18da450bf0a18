package io.latchkey.store.audit;

import java.util.UUID;

/**
 * One event for the audit trail.
 *
 * @param type      what happened, e.g. {@code refresh_token.reused}
 * @param accountId whose account, if any
 * @param clientId  through which client, if any
 * @param grantId   which grant (authorization), if any
 * @param detail    a short, non-secret explanation
 */
public record AuditEvent(String type, UUID accountId, String clientId, String grantId, String detail) {

    public static AuditEvent of(String type) {
        return new AuditEvent(type, null, null, null, null);
    }

    public AuditEvent account(UUID id) {
        return new AuditEvent(this.type, id, this.clientId, this.grantId, this.detail);
    }

    public AuditEvent client(String id) {
        return new AuditEvent(this.type, this.accountId, id, this.grantId, this.detail);
    }

    public AuditEvent grant(String id) {
        return new AuditEvent(this.type, this.accountId, this.clientId, id, this.detail);
    }

    public AuditEvent detail(String text) {
        return new AuditEvent(this.type, this.accountId, this.clientId, this.grantId, text);
    }
}
