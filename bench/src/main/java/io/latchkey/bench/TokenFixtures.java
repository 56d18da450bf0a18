package io.latchkey.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.latchkey.testing.HttpBrowser;
import tools.jackson.databind.JsonNode;

/**
 * Tokens the operations need, got the way a client gets them: over HTTP from auth-server,
 * with the local profile's documented development clients.
 */
final class TokenFixtures {

    static final String PASSWORD = "Bench password 2026!";
    static final String TEMPLATE_EMAIL = "bench-template" + DataSeeder.EMAIL_DOMAIN;
    static final String FIRST_PARTY = HttpBrowser.basic("first-party", "first-party-secret");
    static final String SERVICE_CLIENT = HttpBrowser.basic("service-client", "service-client-secret");
    static final String INTROSPECTING_CLIENT = HttpBrowser.basic("resource-api", "resource-api-secret");

    private final HttpBrowser auth;

    TokenFixtures(String authServerUrl) {
        this.auth = new HttpBrowser(authServerUrl);
    }

    /** Signs up the account every seeded account copies. */
    void registerTemplateAccount() {
        HttpResponse<String> created = this.auth.postJson("/api/auth/register", """
                {"name":"Bench Template","email":"%s","password":"%s","passwordConfirm":"%s"}"""
                .formatted(TEMPLATE_EMAIL, PASSWORD, PASSWORD));
        expect(created, 201, "sign-up of the template account");
    }

    /** A password-grant sign-in of this account; its tokens as JSON. */
    JsonNode signIn(String email, String scope) {
        HttpResponse<String> tokens = this.auth.postForm("/oauth2/token", List.of(
                Map.entry("grant_type", "password"), Map.entry("username", email), Map.entry("password", PASSWORD),
                Map.entry("scope", scope)), "Authorization", FIRST_PARTY);
        expect(tokens, 200, "password grant for " + email);
        return HttpBrowser.json(tokens);
    }

    /** An access token of the template account with these scopes. */
    String accessToken(String scope) {
        return signIn(TEMPLATE_EMAIL, scope).get("access_token").asString();
    }

    /** Fresh refresh tokens, one grant each, for a rotating refresh run. */
    List<String> refreshTokens(int count) {
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            tokens.add(signIn(DataSeeder.email(i), "account:read").get("refresh_token").asString());
        }
        return tokens;
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
