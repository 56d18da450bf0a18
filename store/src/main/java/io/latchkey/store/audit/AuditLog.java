package io.latchkey.store.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Appends events to {@code audit_events}. */
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(AuditEvent event) {
        this.jdbc.sql("""
                INSERT INTO audit_events (occurred_at, type, account_id, client_id, grant_id, detail)
                VALUES (:at, :type, :account, :client, :grant, :detail)
                """)
                .param("at", Timestamp.from(this.clock.instant()))
                .param("type", event.type())
                .param("account", event.accountId())
                .param("client", event.clientId())
                .param("grant", event.grantId())
                .param("detail", event.detail())
                .update();
    }

    /** The events of one type, oldest first: for operators and tests. */
    public List<AuditEvent> findByType(String type) {
        return this.jdbc.sql("SELECT type, account_id, client_id, grant_id, detail FROM audit_events WHERE type = :type ORDER BY id")
                .param("type", type)
                .query((rs, row) -> new AuditEvent(rs.getString("type"), rs.getObject("account_id", UUID.class),
                        rs.getString("client_id"), rs.getString("grant_id"), rs.getString("detail")))
                .list();
    }
}
