package io.latchkey.authserver.grant;

import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Spring's JDBC authorization service, saving with one PostgreSQL upsert.
 * <p>
 * Spring's {@code save} first reads the whole grant back and parses its JSON, only to
 * choose between INSERT and UPDATE: a quarter of a refresh-token exchange's CPU in the
 * profile. Here the same values (Spring's own parameters mapper, in its column order) go
 * into {@code INSERT ... ON CONFLICT (id) DO UPDATE}. Reading is Spring's, with one more
 * type allowed (see {@link #jsonMapper()}).
 */
class UpsertingAuthorizationService extends JdbcOAuth2AuthorizationService {

    /** Spring's column order: the parameters mapper returns the values in this order. */
    private static final List<String> COLUMNS = List.of("id", "registered_client_id", "principal_name",
            "authorization_grant_type", "authorized_scopes", "attributes", "state",
            "authorization_code_value", "authorization_code_issued_at", "authorization_code_expires_at",
            "authorization_code_metadata",
            "access_token_value", "access_token_issued_at", "access_token_expires_at", "access_token_metadata",
            "access_token_type", "access_token_scopes",
            "oidc_id_token_value", "oidc_id_token_issued_at", "oidc_id_token_expires_at", "oidc_id_token_metadata",
            "refresh_token_value", "refresh_token_issued_at", "refresh_token_expires_at", "refresh_token_metadata",
            "user_code_value", "user_code_issued_at", "user_code_expires_at", "user_code_metadata",
            "device_code_value", "device_code_issued_at", "device_code_expires_at", "device_code_metadata");

    private static final String UPSERT = "INSERT INTO oauth2_authorization (" + String.join(", ", COLUMNS)
            + ") VALUES (" + COLUMNS.stream().map(column -> "?").collect(Collectors.joining(", "))
            + ") ON CONFLICT (id) DO UPDATE SET " + COLUMNS.stream().skip(1)
                    .map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));

    UpsertingAuthorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        super(jdbc, clients);
        setAuthorizationRowMapper(new JsonMapperOAuth2AuthorizationRowMapper(clients, jsonMapper()));
    }

    /**
     * Spring's mapper, also admitting {@code String[]}: an authorization request's extra
     * parameter given twice (several RFC 8707 {@code resource}s, a repeated {@code ui_locales})
     * is stored as one, and Spring's allow-list refused to read it back: a 500 for that grant.
     */
    private static JsonMapper jsonMapper() {
        ClassLoader classLoader = UpsertingAuthorizationService.class.getClassLoader();
        BasicPolymorphicTypeValidator.Builder types = BasicPolymorphicTypeValidator.builder().allowIfSubType(String[].class);
        return JsonMapper.builder().addModules(SecurityJacksonModules.getModules(classLoader, types)).build();
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        List<SqlParameterValue> values = getAuthorizationParametersMapper().apply(authorization);
        if (values.size() != COLUMNS.size()) {
            throw new IllegalStateException("Spring's authorization parameters no longer match the upsert's columns: "
                    + values.size() + " values for " + COLUMNS.size() + " columns");
        }
        getJdbcOperations().update(UPSERT, new ArgumentPreparedStatementSetter(values.toArray()));
    }
}
