package io.latchkey.resourceapi;

import java.net.http.HttpResponse;
import java.util.Map;

import io.latchkey.store.account.Account;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.Role;
import io.latchkey.testing.HttpBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtHeader;
import static org.assertj.core.api.Assertions.assertThat;

/** auth-server signing access tokens EdDSA (Ed25519): resource-api accepts them by default, and refuses forgeries. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdDsaAccessTokensTest {

    private static final String PASSWORD = "ed25519 password";

    LatchkeyStack stack;
    StackClient client;
    Account account;

    @BeforeAll
    void startStack() throws Exception {
        this.stack = LatchkeyStack.withAuthServerEnvironment(Map.of("LATCHKEY_TOKENS_ACCESS_TOKEN_ALGORITHM", "EdDSA"));
        this.client = new StackClient(this.stack);
        this.account = this.stack.resourceApi.getBean(AccountRepository.class)
                .create("ed25519@example.com", "Ed Wards", PASSWORD, Role.USER);
    }

    @AfterAll
    void stopStack() throws Exception {
        this.stack.close();
    }

    @Test
    void anEdDsaAccessTokenIsAccepted() {
        String accessToken = this.client.signIn(this.account.email(), PASSWORD, StackClient.ALL_SCOPES)
                .get("access_token").asString();
        assertThat(jwtHeader(accessToken).get("alg").asString()).isEqualTo("EdDSA");

        HttpResponse<String> me = this.client.get("/api/users/me", accessToken);

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json(me).get("email").asString()).isEqualTo(this.account.email());
    }

    @Test
    void aTamperedEdDsaTokenIsAnInvalidToken() {
        String[] parts = this.client.signIn(this.account.email(), PASSWORD, StackClient.ALL_SCOPES)
                .get("access_token").asString().split("\\.");
        char last = parts[2].charAt(10);
        String otherSignature = parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[2].substring(11);

        HttpResponse<String> me = this.client.get("/api/users/me", parts[0] + "." + parts[1] + "." + otherSignature);

        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
    }

    @Test
    void anEdDsaTokenIsRefusedWhereOnlyOtherAlgorithmsAreAccepted() throws Exception {
        String accessToken = this.client.signIn(this.account.email(), PASSWORD, StackClient.ALL_SCOPES)
                .get("access_token").asString();
        ConfigurableApplicationContext strict = new SpringApplicationBuilder(ResourceApiApplication.class)
                .run("--server.port=0", "--management.server.port=0",
                        "--spring.datasource.url=" + this.stack.postgres.getJdbcUrl(), "--spring.datasource.username=postgres",
                        "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + this.stack.redis.port(),
                        "--latchkey.resource-server.issuer=" + this.stack.authServer(0).baseUrl(),
                        "--latchkey.resource-server.algorithms=ES256,RS256");
        try {
            String url = "http://localhost:" + strict.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> me = new HttpBrowser(url).get("/api/users/me",
                    "Authorization", "Bearer " + accessToken);
            assertThat(me.statusCode()).isEqualTo(401);
        }
        finally {
            strict.close();
        }
    }
}
