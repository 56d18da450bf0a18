package io.latchkey.store.grant;

import io.latchkey.store.StoreTest;
import io.latchkey.store.TestClients;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A grant row of a real grant's size (about 2.3 KB: two tokens, their metadata, the
 * attributes) is stored inline and uncompressed, so rewriting it at every refresh and
 * reading it at every lookup costs PostgreSQL no compression or TOAST work.
 */
@StoreTest
class AuthorizationRowStorageTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGrantOfRealSizeIsStoredInlineAndUncompressed() {
        TestClients.register(this.jdbc, "storage-test");
        this.jdbc.sql("""
                INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
                    attributes, access_token_value, access_token_metadata, refresh_token_value, refresh_token_metadata)
                VALUES ('storage-test', 'storage-test', 'someone', 'password',
                    repeat('{"@class":"java.util.Collections$UnmodifiableMap"}', 12), repeat('eyJhbGciOiJFZERTQSJ9', 30),
                    repeat('{"metadata.token.claims":{"sub":"x"}}', 18), repeat('r', 128), '{"metadata.token.invalidated":false}')
                """).update();

        var sizes = this.jdbc.sql("""
                SELECT pg_column_size(t.*) AS row_size,
                       pg_column_size(attributes) >= octet_length(attributes)
                           AND pg_column_size(access_token_value) >= octet_length(access_token_value)
                           AND pg_column_size(access_token_metadata) >= octet_length(access_token_metadata) AS uncompressed
                FROM oauth2_authorization t WHERE id = 'storage-test'""")
                .query((rs, row) -> new long[] { rs.getLong("row_size"), rs.getBoolean("uncompressed") ? 1 : 0 }).single();

        assertThat(sizes[0]).as("the row is larger than PostgreSQL's default toast threshold").isGreaterThan(2032);
        assertThat(sizes[1]).as("no value was compressed").isEqualTo(1);
    }
}
