package io.latchkey.store;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Registered-client rows for store tests: the grants they insert need one to belong to. */
public final class TestClients {

    private TestClients() {
    }

    /** Registers a client whose id and client_id are {@code id}, unless one is there already. */
    public static void register(JdbcClient jdbc, String id) {
        jdbc.sql("""
                INSERT INTO oauth2_registered_client (id, client_id, client_name, client_authentication_methods,
                    authorization_grant_types, scopes, client_settings, token_settings)
                VALUES (:id, :id, 'test', 'none', 'refresh_token', 'openid', '{}', '{}')
                ON CONFLICT DO NOTHING""").param("id", id).update();
    }
}
