package io.latchkey.bench;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.latchkey.testing.HttpBrowser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm the bench measures Keycloak on, made through its admin REST API: refresh-token
 * rotation on (a refresh token is revoked when used, none may be used again), brute-force
 * detection off, access tokens living 15 minutes as Latchkey's do, the same accounts
 * Latchkey's rows sign in with (hashed at Keycloak's default Argon2id cost, 7 MiB, 5
 * passes, 1 lane, which is the bench's default for Latchkey), and two confidential
 * clients: one for the password and refresh rows, whose tokens name the other in their
 * audience, and that other for client credentials and introspection, as a resource server.
 */
final class KeycloakRealm {

    static final String REALM = "bench";
    private static final String FIRST_PARTY = "bench-first-party";
    private static final String FIRST_PARTY_SECRET = "bench-first-party-secret-0123456789";
    private static final String SERVICE = "bench-service";
    private static final String SERVICE_SECRET = "bench-service-secret-0123456789abcd";
    private static final String OIDC = "/realms/" + REALM + "/protocol/openid-connect";

    private final HttpBrowser http;

    private KeycloakRealm(HttpBrowser http) {
        this.http = http;
    }

    /** Creates the realm, its clients and the accounts on the running {@code keycloak}. */
    static KeycloakRealm create(Keycloak keycloak) {
        HttpBrowser http = new HttpBrowser(keycloak.baseUrl());
        HttpResponse<String> admin = http.postForm("/realms/master/protocol/openid-connect/token", List.of(
                Map.entry("grant_type", "password"), Map.entry("client_id", "admin-cli"),
                Map.entry("username", Keycloak.ADMIN), Map.entry("password", Keycloak.ADMIN_PASSWORD)));
        expect(admin, 200, "the admin token");
        String bearer = "Bearer " + HttpBrowser.json(admin).get("access_token").asString();
        List<Map<String, Object>> users = new ArrayList<>();
        users.add(user(TokenFixtures.TEMPLATE_EMAIL));
        IntStream.rangeClosed(1, Operation.SIGN_IN_USERS).mapToObj(DataSeeder::email).map(KeycloakRealm::user)
                .forEach(users::add);
        Map<String, Object> realm = Map.of(
                "realm", REALM, "enabled", true,
                "revokeRefreshToken", true, "refreshTokenMaxReuse", 0,
                "bruteForceProtected", false,
                "accessTokenLifespan", 900, "ssoSessionIdleTimeout", 86_400, "ssoSessionMaxLifespan", 86_400,
                "clients", List.of(
                        client(FIRST_PARTY, FIRST_PARTY_SECRET, Map.of("directAccessGrantsEnabled", true,
                                "protocolMappers", List.of(audience(SERVICE)))),
                        client(SERVICE, SERVICE_SECRET, Map.of("serviceAccountsEnabled", true))),
                "users", users);
        HttpResponse<String> created = http.postJson("/admin/realms", JsonMapper.shared().writeValueAsString(realm),
                "Authorization", bearer);
        expect(created, 201, "the realm " + REALM);
        return new KeycloakRealm(http);
    }

    private static Map<String, Object> client(String id, String secret, Map<String, Object> grants) {
        Map<String, Object> client = new LinkedHashMap<>(Map.of("clientId", id, "secret", secret,
                "publicClient", false, "clientAuthenticatorType", "client-secret", "protocol", "openid-connect",
                "standardFlowEnabled", false, "directAccessGrantsEnabled", false, "serviceAccountsEnabled", false));
        client.putAll(grants);
        return client;
    }

    /**
     * Names {@code client} in the access tokens' {@code aud}: Keycloak answers introspection
     * only to a client the token is for, as Latchkey's tokens name the resource server.
     */
    private static Map<String, Object> audience(String client) {
        return Map.of("name", "audience " + client, "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.client.audience", client, "access.token.claim", "true",
                        "id.token.claim", "false", "introspection.token.claim", "true"));
    }

    private static Map<String, Object> user(String email) {
        return Map.of("username", email, "email", email, "firstName", "Bench", "lastName", "User", "enabled", true,
                "emailVerified", true, "credentials",
                List.of(Map.of("type", "password", "value", TokenFixtures.PASSWORD, "temporary", false)));
    }

    /** Keycloak's side of each row Latchkey runs against auth-server, by the same key. */
    List<Operation> operations(int connections) {
        String firstParty = "Authorization: " + HttpBrowser.basic(FIRST_PARTY, FIRST_PARTY_SECRET);
        String service = "Authorization: " + HttpBrowser.basic(SERVICE, SERVICE_SECRET);
        return List.of(
                new Operation("password", "password grant (Argon2id)", Operation.Server.KEYCLOAK,
                        tokens -> WrkJob.postForm(OIDC + "/token",
                                "grant_type=password&username={item}&password=" + form(TokenFixtures.PASSWORD),
                                "\"access_token\"", firstParty)
                                .cycling(IntStream.rangeClosed(1, Operation.SIGN_IN_USERS).mapToObj(DataSeeder::email)
                                        .map(KeycloakRealm::form).toList()),
                        "", 0),
                new Operation("refresh", "refresh_token grant (rotating)", Operation.Server.KEYCLOAK,
                        tokens -> WrkJob.postForm(OIDC + "/token", "grant_type=refresh_token&refresh_token={item}",
                                "\"refresh_token\"", firstParty).rotating(refreshTokens(connections * 2)),
                        "", 0),
                new Operation("client_credentials", "client_credentials grant", Operation.Server.KEYCLOAK,
                        tokens -> WrkJob.postForm(OIDC + "/token", "grant_type=client_credentials", "\"access_token\"",
                                service),
                        "", 0),
                new Operation("introspection", "introspection of a JWT", Operation.Server.KEYCLOAK,
                        tokens -> WrkJob.postForm(OIDC + "/token/introspect", "token=" + accessToken(null),
                                "\"active\":true", service),
                        "", 0),
                new Operation("userinfo", "userinfo", Operation.Server.KEYCLOAK,
                        tokens -> WrkJob.get(OIDC + "/userinfo", "\"sub\"",
                                "Authorization: Bearer " + accessToken("openid profile email")),
                        "", 0),
                new Operation("jwks", "JWKS", Operation.Server.KEYCLOAK,
                        tokens -> WrkJob.get(OIDC + "/certs", "\"keys\""),
                        "", 0));
    }

    /** A password-grant sign-in of this account, with {@code scope} if given; its tokens as JSON. */
    private JsonNode signIn(String email, String scope) {
        List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("grant_type", "password"),
                Map.entry("username", email), Map.entry("password", TokenFixtures.PASSWORD)));
        if (scope != null) {
            form.add(Map.entry("scope", scope));
        }
        HttpResponse<String> tokens = this.http.postForm(OIDC + "/token", form,
                "Authorization", HttpBrowser.basic(FIRST_PARTY, FIRST_PARTY_SECRET));
        expect(tokens, 200, "Keycloak's password grant for " + email);
        return HttpBrowser.json(tokens);
    }

    private String accessToken(String scope) {
        return signIn(TokenFixtures.TEMPLATE_EMAIL, scope).get("access_token").asString();
    }

    private List<String> refreshTokens(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> signIn(DataSeeder.email(i), null).get("refresh_token").asString()).toList();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
