package io.latchkey.authserver.audience;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.authserver.FreshAccountHttpTest;
import io.latchkey.testing.AuthorizationCodeFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static io.latchkey.testing.HttpBrowser.basic;
import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtClaims;
import static io.latchkey.testing.HttpBrowser.location;
import static io.latchkey.testing.HttpBrowser.queryParam;
import static io.latchkey.testing.HttpBrowser.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** RFC 8707: a client names the resource servers it wants a token for, and {@code aud} says only those. */
@AuthServerTest
@TestPropertySource(properties = {
        "latchkey.tokens.resources[0].uri=http://localhost:8081",
        "latchkey.tokens.resources[0].audience=latchkey-api",
        "latchkey.tokens.resources[1].uri=https://reports.example.com",
        "latchkey.tokens.resources[1].audience=reports-api" })
class ResourceIndicatorsTest extends FreshAccountHttpTest {

    private static final String API = "http://localhost:8081";
    private static final String REPORTS = "https://reports.example.com";
    private static final String SCOPE = "openid account:read";

    @Test
    void namingNoResourceGivesTheDefaultAudience() {
        assertThat(audienceOf(clientCredentials())).containsExactly("latchkey-api");
    }

    @Test
    void namingAResourceGivesOnlyItsAudience() {
        assertThat(audienceOf(clientCredentials(REPORTS))).containsExactly("reports-api");
    }

    @Test
    void namingSeveralGivesEachOfTheirAudiences() {
        assertThat(audienceOf(clientCredentials(REPORTS, API))).containsExactly("reports-api", "latchkey-api");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://unknown.example.com", "reports", "https://reports.example.com#x",
            "https://reports.example.com/", "not a uri at all" })
    void anUnknownResourceOrOneNotAnAbsoluteUriIsInvalidTarget(String resource) {
        HttpResponse<String> response = clientCredentials(resource);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("error").asString()).isEqualTo("invalid_target");
    }

    @Test
    void thePasswordGrantNarrowsToo() {
        HttpResponse<String> response = this.browser.postForm("/oauth2/token", List.of(
                Map.entry("grant_type", "password"), Map.entry("username", this.account.email()),
                Map.entry("password", PASSWORD), Map.entry("scope", "account:read"), Map.entry("resource", REPORTS)),
                "Authorization", basic("first-party", "first-party-secret"));

        assertThat(audienceOf(response)).containsExactly("reports-api");
    }

    @Test
    void resourcesNamedAtAuthorizationHoldForTheCodeAndEveryRefreshWhichMayNarrowButNotWiden() {
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.browser).withAuthorizeParameter("resource", REPORTS);
        JsonNode tokens = flow.exchange(flow.signInAndApprove(this.account.email(), PASSWORD, SCOPE));
        assertThat(strings(jwtClaims(tokens.get("access_token").asString()).get("aud"))).containsExactly("reports-api");

        HttpResponse<String> refreshed = flow.refresh(tokens.get("refresh_token").asString());
        assertThat(audienceOf(refreshed)).containsExactly("reports-api");
        String refreshToken = json(refreshed).get("refresh_token").asString();

        HttpResponse<String> widened = flow.tokenRequest(List.of(Map.entry("grant_type", "refresh_token"),
                Map.entry("refresh_token", refreshToken), Map.entry("resource", API)));
        assertThat(widened.statusCode()).as(widened.body()).isEqualTo(400);
        assertThat(json(widened).get("error").asString()).isEqualTo("invalid_target");
        assertThat(flow.refresh(refreshToken).statusCode()).as("the refused request spent nothing").isEqualTo(200);
    }

    @Test
    void aCodeExchangeMayNarrowToOneOfTheResourcesAuthorized() {
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.browser)
                .withAuthorizeParameter("resource", REPORTS).withAuthorizeParameter("resource", API);
        String code = flow.signInAndApprove(this.account.email(), PASSWORD, SCOPE);

        HttpResponse<String> narrowed = flow.tokenRequest(withVerifierOf(flow, code, Map.entry("resource", API)));

        assertThat(audienceOf(narrowed)).containsExactly("latchkey-api");
    }

    @Test
    void theClientHearsInvalidTargetForAnUnknownResourceBeforeAnySignIn() {
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.browser)
                .withAuthorizeParameter("resource", "https://unknown.example.com");

        HttpResponse<String> authorize = this.browser.get(flow.authorizePath(SCOPE));

        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(location(authorize)).startsWith(AuthorizationCodeFlow.DEMO_REDIRECT_URI);
        assertThat(queryParam(location(authorize), "error")).isEqualTo("invalid_target");
    }

    /** RFC 9126: a pushed authorization request is checked the same way, at the push. */
    @Test
    void aPushedAuthorizationRequestNamingAnUnknownResourceIsInvalidTarget() {
        HttpResponse<String> pushed = this.browser.postForm("/oauth2/par", List.of(
                Map.entry("response_type", "code"), Map.entry("client_id", "demo-client"),
                Map.entry("redirect_uri", AuthorizationCodeFlow.DEMO_REDIRECT_URI), Map.entry("scope", SCOPE),
                Map.entry("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"),
                Map.entry("code_challenge_method", "S256"), Map.entry("resource", "https://unknown.example.com")),
                "Authorization", basic("demo-client", "demo-client-secret"));

        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(400);
        assertThat(json(pushed).get("error").asString()).isEqualTo("invalid_target");
    }

    private List<Map.Entry<String, String>> withVerifierOf(AuthorizationCodeFlow flow, String code,
            Map.Entry<String, String> extra) {
        return List.of(Map.entry("grant_type", "authorization_code"), Map.entry("code", code),
                Map.entry("redirect_uri", AuthorizationCodeFlow.DEMO_REDIRECT_URI),
                Map.entry("code_verifier", flow.verifier()), extra);
    }

    private HttpResponse<String> clientCredentials(String... resources) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("grant_type", "client_credentials")));
        for (String resource : resources) {
            fields.add(Map.entry("resource", resource));
        }
        return this.browser.postForm("/oauth2/token", fields, "Authorization", basic("service-client", "service-client-secret"));
    }

    private static List<String> audienceOf(HttpResponse<String> tokenResponse) {
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        return strings(jwtClaims(json(tokenResponse).get("access_token").asString()).get("aud"));
    }

}
