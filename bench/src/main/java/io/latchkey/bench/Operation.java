package io.latchkey.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * One row of the table: an HTTP operation against one server. Its target, where it has one
 * of its own: the other rows are held against Keycloak's in the same run (see Report).
 *
 * @param key      short name for {@code --only}
 * @param job      builds the request, fresh for every run (refresh tokens are used once)
 * @param target   what this row must reach on its own, in words, or empty
 * @param minimum  req/s the row must reach, or 0 when it has no such target
 */
record Operation(String key, String name, Server server, Function<TokenFixtures, WrkJob> job, String target,
        double minimum) {

    enum Server {
        AUTH_SERVER("auth-server"), RESOURCE_API("resource-api"), KEYCLOAK("Keycloak");

        private final String label;

        Server(String label) {
            this.label = label;
        }

        String label() {
            return this.label;
        }
    }

    /** Users a password-grant run signs in, in turn. */
    static final int SIGN_IN_USERS = 64;

    static List<Operation> all(int connections) {
        return List.of(
                new Operation("password", "password grant (Argon2id)", Server.AUTH_SERVER,
                        tokens -> WrkJob.postForm("/oauth2/token",
                                "grant_type=password&username={item}&password=" + form(TokenFixtures.PASSWORD)
                                        + "&scope=account%3Aread",
                                "\"access_token\"", "Authorization: " + TokenFixtures.FIRST_PARTY)
                                .cycling(users()),
                        ">= 85% of the bare hash rate", 0),
                new Operation("refresh", "refresh_token grant (rotating)", Server.AUTH_SERVER,
                        tokens -> WrkJob.postForm("/oauth2/token", "grant_type=refresh_token&refresh_token={item}",
                                "\"refresh_token\"", "Authorization: " + TokenFixtures.FIRST_PARTY)
                                .rotating(tokens.refreshTokens(connections * 2)),
                        "", 0),
                new Operation("client_credentials", "client_credentials grant", Server.AUTH_SERVER,
                        tokens -> WrkJob.postForm("/oauth2/token", "grant_type=client_credentials&scope=account%3Aread",
                                "\"access_token\"", "Authorization: " + TokenFixtures.SERVICE_CLIENT),
                        "", 0),
                new Operation("introspection", "introspection of a JWT", Server.AUTH_SERVER,
                        tokens -> WrkJob.postForm("/oauth2/introspect", "token=" + tokens.accessToken("account:read"),
                                "\"active\":true", "Authorization: " + TokenFixtures.INTROSPECTING_CLIENT),
                        "", 0),
                new Operation("userinfo", "userinfo", Server.AUTH_SERVER,
                        tokens -> WrkJob.get("/userinfo", "\"sub\"",
                                "Authorization: Bearer " + tokens.accessToken("openid profile email")),
                        "", 0),
                new Operation("jwks", "JWKS", Server.AUTH_SERVER,
                        tokens -> WrkJob.get("/oauth2/jwks", "\"keys\""),
                        "", 0),
                new Operation("livez", "resource-api GET /livez (no token)", Server.RESOURCE_API,
                        tokens -> WrkJob.get("/livez", "UP"),
                        "", 0),
                new Operation("me", "resource-api GET /api/users/me (JWT + revocation check)", Server.RESOURCE_API,
                        tokens -> WrkJob.get("/api/users/me", "\"email\"",
                                "Authorization: Bearer " + tokens.accessToken("account:read")),
                        "", 0));
    }

    private static List<String> users() {
        return IntStream.rangeClosed(1, SIGN_IN_USERS).mapToObj(DataSeeder::email).map(Operation::form).toList();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
