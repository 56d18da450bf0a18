package io.latchkey.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the store to a data scale. Each seeded account is a copy of a template account
 * that signed up through the API (so its password hash is a real one at the configured
 * cost), and each seeded grant a copy of a grant a real password-grant sign-in stored,
 * with fresh ids and token values of the same length: the table and its indexes grow
 * as real use would grow them, in seconds instead of hours of hashing.
 */
final class DataSeeder {

    static final String EMAIL_DOMAIN = "@bench.latchkey.test";

    private final String jdbcUrl;

    DataSeeder(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    static String email(int number) {
        return "bench-user-" + number + EMAIL_DOMAIN;
    }

    /** Adds accounts {@code bench-user-N} until there are {@code count}; returns how many were added. */
    int seedUsers(String templateEmail, int count) throws SQLException {
        try (Connection db = connect();
                PreparedStatement insert = db.prepareStatement("""
                        INSERT INTO users (id, email, name, password_hash, role, enabled, created_at, updated_at)
                        SELECT gen_random_uuid(), 'bench-user-' || n || ?, 'Bench User ' || n, t.password_hash,
                               'user', true, now(), now()
                        FROM users t, generate_series(1, ?) n
                        WHERE t.email = ?
                        ON CONFLICT (email) DO NOTHING""")) {
            insert.setString(1, EMAIL_DOMAIN);
            insert.setInt(2, count);
            insert.setString(3, templateEmail);
            int added = insert.executeUpdate();
            analyze(db, "users");
            return added;
        }
    }

    /** Adds copies of {@code templateGrantId} for seeded accounts until there are {@code count} grants in all. */
    int seedGrants(String templateGrantId, int count) throws SQLException {
        try (Connection db = connect()) {
            int missing = count - grantCount(db);
            if (missing <= 0) {
                return 0;
            }
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
                        authorized_scopes, attributes,
                        access_token_value, access_token_issued_at, access_token_expires_at, access_token_metadata,
                        access_token_type, access_token_scopes,
                        refresh_token_value, refresh_token_issued_at, refresh_token_expires_at, refresh_token_metadata)
                    SELECT gen_random_uuid()::text, t.registered_client_id, u.id::text, t.authorization_grant_type,
                        t.authorized_scopes, t.attributes,
                        '{sha256}' || md5(random()::text) || substr(t.access_token_value, 41), t.access_token_issued_at,
                        t.access_token_expires_at, t.access_token_metadata, t.access_token_type, t.access_token_scopes,
                        '{sha256}' || md5(random()::text) || substr(t.refresh_token_value, 41), t.refresh_token_issued_at,
                        t.refresh_token_expires_at, t.refresh_token_metadata
                    FROM oauth2_authorization t,
                         (SELECT id FROM users WHERE email LIKE 'bench-user-%' ORDER BY email LIMIT ?) u
                    WHERE t.id = ?""")) {
                // NOTE: one grant per account per statement; repeat until there are enough. The token
                // columns hold digests ('{sha256}' and 43 characters): each copy gets a random one.
                int added = 0;
                while (added < missing) {
                    insert.setInt(1, missing - added);
                    insert.setString(2, templateGrantId);
                    int rows = insert.executeUpdate();
                    if (rows == 0) {
                        throw new IllegalStateException("No accounts to seed grants for");
                    }
                    added += rows;
                }
                analyze(db, "oauth2_authorization");
                return added;
            }
        }
    }

    /** The most recent grant of this account, as a template for seeding. */
    String latestGrantOf(String email) throws SQLException {
        try (Connection db = connect();
                PreparedStatement query = db.prepareStatement("""
                        SELECT a.id FROM oauth2_authorization a JOIN users u ON a.principal_name = u.id::text
                        WHERE u.email = ? AND a.refresh_token_value IS NOT NULL
                        ORDER BY a.created_at DESC LIMIT 1""")) {
            query.setString(1, email);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("No grant found for " + email);
                }
                return row.getString(1);
            }
        }
    }

    /** Accounts and grants in the store now. */
    List<Long> counts() throws SQLException {
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            List<Long> counts = new ArrayList<>();
            for (String table : List.of("users", "oauth2_authorization")) {
                try (ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    row.next();
                    counts.add(row.getLong(1));
                }
            }
            return counts;
        }
    }

    private int grantCount(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM oauth2_authorization")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static void analyze(Connection db, String table) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("ANALYZE " + table);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(this.jdbcUrl, "postgres", "");
    }
}
