package io.latchkey.store.grant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads and ends the grants of a user, in the authorization server's own tables. */
public class GrantRepository {

    private static final String SELECT = """
            SELECT a.id, c.client_id, c.client_name, a.created_at,
                   GREATEST(a.access_token_issued_at, a.refresh_token_issued_at) AS last_refreshed,
                   GREATEST(a.access_token_expires_at, a.refresh_token_expires_at) AS expires_at
            FROM oauth2_authorization a JOIN oauth2_registered_client c ON c.id = a.registered_client_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    public GrantRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Grants that still hold a live token, newest first. */
    public List<Grant> findActiveByUser(UUID userId) {
        return this.jdbc.sql(SELECT + """
                WHERE a.principal_name = :principal
                  AND GREATEST(a.access_token_expires_at, a.refresh_token_expires_at) > :now
                ORDER BY a.created_at DESC
                """)
                .param("principal", userId.toString())
                .param("now", Timestamp.from(this.clock.instant()))
                .query(GrantRepository::grant)
                .list();
    }

    /** One grant, only if it belongs to this user. */
    public Optional<Grant> findByUser(UUID userId, String grantId) {
        return this.jdbc.sql(SELECT + " WHERE a.principal_name = :principal AND a.id = :id")
                .param("principal", userId.toString())
                .param("id", grantId)
                .query(GrantRepository::grant)
                .optional();
    }

    /** The ids of the grants a user holds now, live or not. */
    public List<String> idsOf(UUID userId) {
        return this.jdbc.sql("SELECT id FROM oauth2_authorization WHERE principal_name = :principal")
                .param("principal", userId.toString())
                .query(String.class)
                .list();
    }

    public void delete(String grantId) {
        this.jdbc.sql("DELETE FROM oauth2_authorization WHERE id = :id").param("id", grantId).update();
    }

    /** Ends every grant and forgets every consent of a user. */
    public void deleteAllOf(UUID userId) {
        this.jdbc.sql("DELETE FROM oauth2_authorization WHERE principal_name = :principal")
                .param("principal", userId.toString()).update();
        this.jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE principal_name = :principal")
                .param("principal", userId.toString()).update();
    }

    /**
     * Deletes grants that ended before {@code before}: every token they hold expired by then,
     * or they never got a token (an authorization request left at the sign-in or consent
     * page) and were created by then. Returns how many.
     * NOTE: a denial, not the grant row, is what stops a revoked grant's tokens, so deleting
     * ended rows changes no answer; it keeps the table from growing with every sign-in ever made.
     */
    public int deleteEndedBefore(java.time.Instant before) {
        return this.jdbc.sql("""
                DELETE FROM oauth2_authorization
                WHERE COALESCE(GREATEST(authorization_code_expires_at, access_token_expires_at, oidc_id_token_expires_at,
                                        refresh_token_expires_at, user_code_expires_at, device_code_expires_at),
                               created_at) < :before
                """)
                .param("before", Timestamp.from(before))
                .update();
    }

    private static Grant grant(ResultSet rs, int row) throws SQLException {
        return new Grant(rs.getString("id"), rs.getString("client_id"), rs.getString("client_name"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_refreshed")),
                instant(rs.getTimestamp("expires_at")));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
