package io.latchkey.store.grant;

import io.latchkey.store.StoreTest;
import io.latchkey.store.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding a grant by a token value must not read the whole table: the queries Spring's
 * JdbcOAuth2AuthorizationService makes, planned by real PostgreSQL over 20,000 grants.
 */
@StoreTest
class AuthorizationTokenIndexesTest {

    /** Spring's lookup by a token of unknown type (introspection or revocation without a hint). */
    private static final String ANY_TOKEN = "SELECT * FROM oauth2_authorization WHERE state = 'x' OR authorization_code_value = 'x'"
            + " OR access_token_value = 'x' OR oidc_id_token_value = 'x' OR refresh_token_value = 'x'"
            + " OR user_code_value = 'x' OR device_code_value = 'x'";

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void seedTwentyThousandGrants() {
        TestClients.register(this.jdbc, "index-test");
        this.jdbc.sql("""
                INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
                    access_token_value, refresh_token_value, oidc_id_token_value)
                SELECT 'index-test-' || n, 'index-test', 'someone', 'refresh_token',
                    repeat(md5(n::text), 20), md5('r' || n), repeat(md5('i' || n), 20)
                FROM generate_series(1, 20000) n
                ON CONFLICT DO NOTHING""").update();
        this.jdbc.sql("ANALYZE oauth2_authorization").update();
    }

    @Test
    void aLookupByATokenOfAnyTypeUsesIndexesNotATableScan() {
        assertThat(plan(ANY_TOKEN)).doesNotContain("Seq Scan").contains("oauth2_authorization_oidc_id_token");
    }

    @Test
    void lookupsByEachTokenTypeUseIndexes() {
        for (String column : new String[] { "access_token_value", "refresh_token_value", "authorization_code_value",
                "oidc_id_token_value", "state", "user_code_value", "device_code_value" }) {
            assertThat(plan("SELECT * FROM oauth2_authorization WHERE " + column + " = 'x'")).as(column)
                    .doesNotContain("Seq Scan");
        }
    }

    private String plan(String query) {
        return String.join("\n", this.jdbc.sql("EXPLAIN " + query).query(String.class).list());
    }
}
