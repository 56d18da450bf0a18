package io.latchkey.store.grant;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import io.latchkey.embedded.EmbeddedPostgresServer;
import io.latchkey.store.StoreTest;
import io.latchkey.store.TestClients;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changeset 010 turns the tokens of grants written before it into the digests the app
 * looks them up by: a database migrated from 009 holds no token, and every lookup still finds
 * its grant. Runs the changelog on a database of its own, stopping before 010 to write the old rows.
 */
@StoreTest
class TokenDigestsMigrationTest {

    private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";
    private static final int CHANGESETS_BEFORE_DIGESTS = 9;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgresServer postgres;

    @Test
    void tokensOfGrantsWrittenBeforeBecomeTheDigestsTheAppLooksUp() throws Exception {
        this.jdbc.sql("DROP DATABASE IF EXISTS before_digests").update();
        this.jdbc.sql("CREATE DATABASE before_digests").update();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + this.postgres.port() + "/before_digests", "postgres", "")) {
            Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), new JdbcConnection(connection));
            liquibase.update(CHANGESETS_BEFORE_DIGESTS, new Contexts(), new LabelExpression());
            JdbcClient old = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            TestClients.register(old, "migration-test");
            Map<String, String> tokens = Map.of(
                    "state", "consent-state_-1",
                    "authorization_code_value", "an-authorization-code_B64",
                    "access_token_value", "eyJraWQiOiJrMSJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
                    "oidc_id_token_value", "eyJhbGciOiJFUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln",
                    "refresh_token_value", "a-refresh-token-ünïcode",
                    "user_code_value", "WDJB-MJHT",
                    "device_code_value", "a-device-code");
            old.sql("""
                    INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
                        state, authorization_code_value, access_token_value, oidc_id_token_value, refresh_token_value,
                        user_code_value, device_code_value)
                    VALUES ('old-grant', 'migration-test', 'someone', 'authorization_code',
                        :state, :authorization_code_value, :access_token_value, :oidc_id_token_value, :refresh_token_value,
                        :user_code_value, :device_code_value)""")
                    .params(Map.copyOf(tokens)).update();
            old.sql("""
                    INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type)
                    VALUES ('no-tokens', 'migration-test', 'someone', 'authorization_code')""").update();

            liquibase.update(new Contexts(), new LabelExpression());

            for (var token : tokens.entrySet()) {
                String stored = old.sql("SELECT " + token.getKey() + " FROM oauth2_authorization WHERE id = 'old-grant'")
                        .query(String.class).single();
                assertThat(stored).as(token.getKey()).isEqualTo(TokenDigests.of(token.getValue()));
            }
            assertThat(old.sql("SELECT count(*) FROM oauth2_authorization WHERE refresh_token_value IS NULL AND state IS NULL")
                    .query(Long.class).single()).as("a grant without tokens stays without").isEqualTo(1);
        }
        finally {
            this.jdbc.sql("DROP DATABASE IF EXISTS before_digests WITH (FORCE)").update();
        }
    }
}
