package io.latchkey.testing;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import static io.latchkey.testing.HttpBrowser.inputValue;
import static io.latchkey.testing.HttpBrowser.location;
import static io.latchkey.testing.HttpBrowser.queryParam;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization-code flow with PKCE as a browser walks it: authorize, sign in by
 * form, consent, come back with a code; then the client's back-channel exchange.
 */
public final class AuthorizationCodeFlow {

    public static final String DEMO_REDIRECT_URI = "http://localhost:8080/login/oauth2/code/latchkey";

    /** A registered client as the flow uses it; a public one has no secret. */
    public record Client(String id, String secret, String redirectUri) {

        public static final Client DEMO_CLIENT = new Client("demo-client", "demo-client-secret", DEMO_REDIRECT_URI);
        public static final Client DEMO_SPA = new Client("demo-spa", null, "http://localhost:5173/callback");

        boolean isPublic() {
            return this.secret == null;
        }
    }

    private final HttpBrowser browser;
    private final Client client;
    private final String verifier;
    private final String state = randomToken();
    private final List<Map.Entry<String, String>> authorizeParameters = new ArrayList<>();

    public AuthorizationCodeFlow(HttpBrowser browser) {
        this(browser, Client.DEMO_CLIENT);
    }

    public AuthorizationCodeFlow(HttpBrowser browser, Client client) {
        this.browser = browser;
        this.client = client;
        this.verifier = randomToken();
    }

    /** Adds a parameter to the authorization request, such as RFC 8707's {@code resource}. */
    public AuthorizationCodeFlow withAuthorizeParameter(String name, String value) {
        this.authorizeParameters.add(Map.entry(name, value));
        return this;
    }

    public String authorizePath(String scope) {
        StringBuilder path = new StringBuilder("/oauth2/authorize?response_type=code&client_id=" + this.client.id()
                + "&redirect_uri=" + encode(this.client.redirectUri())
                + "&scope=" + encode(scope)
                + "&state=" + this.state
                + "&code_challenge=" + challenge(this.verifier) + "&code_challenge_method=S256");
        this.authorizeParameters.forEach(parameter ->
                path.append('&').append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue())));
        return path.toString();
    }

    /**
     * RFC 9126: pushes this flow's authorization request to the PAR endpoint, authenticated as
     * the client authenticates, and returns the authorization path that names it.
     */
    public String pushedAuthorizePath(String scope) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("response_type", "code"),
                Map.entry("client_id", this.client.id()), Map.entry("redirect_uri", this.client.redirectUri()),
                Map.entry("scope", scope), Map.entry("state", this.state),
                Map.entry("code_challenge", challenge(this.verifier)), Map.entry("code_challenge_method", "S256")));
        fields.addAll(this.authorizeParameters);
        HttpResponse<String> pushed = this.client.isPublic() ? this.browser.postForm("/oauth2/par", fields)
                : this.browser.postForm("/oauth2/par", fields, "Authorization", HttpBrowser.basic(this.client.id(), this.client.secret()));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
        return "/oauth2/authorize?client_id=" + encode(this.client.id()) + "&request_uri="
                + encode(HttpBrowser.json(pushed).get("request_uri").asString());
    }

    /** Starts at /oauth2/authorize signed out, signs in, approves every scope asked, returns the code. */
    public String signInAndApprove(String email, String password, String scope) {
        return signInAndApprove(authorizePath(scope), email, password, scope);
    }

    /** The same, from a given authorization path (such as {@link #pushedAuthorizePath}). */
    public String signInAndApprove(String authorizePath, String email, String password, String scope) {
        HttpResponse<String> authorize = this.browser.get(authorizePath);
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(location(authorize)).endsWith("/login");

        HttpResponse<String> loginPage = this.browser.get("/login");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        HttpResponse<String> signIn = this.browser.postForm("/login", List.of(
                Map.entry("username", email),
                Map.entry("password", password),
                Map.entry("_csrf", inputValue(loginPage.body(), "_csrf"))));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(location(signIn)).contains("/oauth2/authorize");

        HttpResponse<String> resumed = this.browser.get(location(signIn));
        assertThat(resumed.statusCode()).isEqualTo(302);
        String next = location(resumed);
        if (next.contains("/oauth2/consent")) {
            next = approve(next, scope);
        }
        assertThat(next).startsWith(this.client.redirectUri());
        assertThat(queryParam(next, "state")).isEqualTo(this.state);
        return queryParam(next, "code");
    }

    private String approve(String consentUrl, String scope) {
        HttpResponse<String> consentPage = this.browser.get(consentUrl);
        assertThat(consentPage.statusCode()).isEqualTo(200);
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("client_id", inputValue(consentPage.body(), "client_id")));
        fields.add(Map.entry("state", inputValue(consentPage.body(), "state")));
        fields.add(Map.entry("_csrf", inputValue(consentPage.body(), "_csrf")));
        for (String each : scope.split(" ")) {
            if (!each.equals("openid")) {
                fields.add(Map.entry("scope", each));
            }
        }
        HttpResponse<String> approved = this.browser.postForm("/oauth2/authorize", fields);
        assertThat(approved.statusCode()).isEqualTo(302);
        return location(approved);
    }

    /** The client's token request for a code, with this flow's PKCE verifier. */
    public HttpResponse<String> exchange(String code, String verifier) {
        return tokenRequest(List.of(
                Map.entry("grant_type", "authorization_code"),
                Map.entry("code", code),
                Map.entry("redirect_uri", this.client.redirectUri()),
                Map.entry("code_verifier", verifier)));
    }

    /** The client's refresh request, authenticated as the client authenticates. */
    public HttpResponse<String> refresh(String refreshToken) {
        return tokenRequest(List.of(
                Map.entry("grant_type", "refresh_token"),
                Map.entry("refresh_token", refreshToken)));
    }

    /** A token request of this client with any fields (the client's authentication is added). */
    public HttpResponse<String> tokenRequest(List<Map.Entry<String, String>> fields) {
        if (this.client.isPublic()) {
            List<Map.Entry<String, String>> withClientId = new ArrayList<>(fields);
            withClientId.add(Map.entry("client_id", this.client.id()));
            return this.browser.postForm("/oauth2/token", withClientId);
        }
        return this.browser.postForm("/oauth2/token", fields,
                "Authorization", HttpBrowser.basic(this.client.id(), this.client.secret()));
    }

    public JsonNode exchange(String code) {
        HttpResponse<String> response = exchange(code, this.verifier);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HttpBrowser.json(response);
    }

    /** This flow's PKCE verifier, for a test that builds its own token request. */
    public String verifier() {
        return this.verifier;
    }

    public static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
