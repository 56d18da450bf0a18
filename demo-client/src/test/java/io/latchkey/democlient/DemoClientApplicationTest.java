package io.latchkey.democlient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** demo-client serves its home page and sends everything else to sign in with Latchkey. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class DemoClientApplicationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void homePageOffersSignInWithLatchkey() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Sign in with Latchkey").contains("/oauth2/authorization/latchkey");
    }

    @Test
    void signingInRedirectsToLatchkeyAuthorizeWithPkce() throws Exception {
        HttpResponse<String> response = get("/oauth2/authorization/latchkey");

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://localhost:9000/oauth2/authorize?")
                .contains("client_id=demo-client")
                .contains("code_challenge_method=S256");
    }

    @Test
    void aBrowsersOwnFaviconRequestDoesNotStartASignIn() throws Exception {
        assertThat(get("/").body()).as("pages declare their icon, so browsers need not ask").contains("<link rel=\"icon\"");

        HttpResponse<String> favicon = get("/favicon.ico");

        assertThat(favicon.statusCode()).isEqualTo(404);
        assertThat(favicon.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void pagesSendAStrictPolicyThatLetsInLatchkeysStylesheetAndSignOut() throws Exception {
        for (String page : java.util.List.of("/", "/error")) {
            HttpResponse<String> response = get(page);

            assertThat(response.headers().firstValue("Content-Security-Policy")).as(page).contains(
                    "default-src 'self'; style-src 'self' http://localhost:9000; img-src 'self' data:; object-src 'none'; "
                            + "base-uri 'none'; frame-ancestors 'none'; form-action 'self' http://localhost:9000");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(page).contains("no-referrer");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
