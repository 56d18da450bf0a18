package io.latchkey.authserver.client;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.testing.HttpBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServerTest
class ClientSecretsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    @Qualifier("bootstrapSeeder")
    ApplicationRunner seeder;

    HttpBrowser http;

    @BeforeEach
    void setUp() {
        this.http = new HttpBrowser("http://localhost:" + this.port);
    }

    @Test
    void clientSecretsAreStoredAsSaltedHmacNotArgon2AndVerify() {
        String stored = storedSecret("service-client");

        assertThat(stored).startsWith("{pbkdf2-sha256-1}").doesNotContain("service-client-secret");
        assertThat(tokenRequest("service-client-secret").statusCode()).isEqualTo(200);
        assertThat(tokenRequest("service-client-secreT").statusCode()).isEqualTo(401);
        assertThat(tokenRequest("").statusCode()).isIn(400, 401);
    }

    @Test
    void aSecretStillHashedWithArgon2AuthenticatesAndTheSeederRehashesIt() throws Exception {
        String argon2 = this.passwordEncoder.encode("service-client-secret");
        assertThat(argon2).startsWith("{argon2}");
        RegisteredClient client = this.clients.findByClientId("service-client");
        this.clients.save(RegisteredClient.from(client).clientSecret(argon2).build());

        assertThat(tokenRequest("service-client-secret").statusCode()).isEqualTo(200);
        assertThat(tokenRequest("wrong-secret").statusCode()).isEqualTo(401);

        this.seeder.run(null);

        assertThat(storedSecret("service-client")).startsWith("{pbkdf2-sha256-1}");
        assertThat(tokenRequest("service-client-secret").statusCode()).isEqualTo(200);
    }

    private String storedSecret(String clientId) {
        return this.jdbc.sql("SELECT client_secret FROM oauth2_registered_client WHERE client_id = ?")
                .param(clientId).query(String.class).single();
    }

    private HttpResponse<String> tokenRequest(String secret) {
        return this.http.postForm("/oauth2/token", List.of(Map.entry("grant_type", "client_credentials")),
                "Authorization", HttpBrowser.basic("service-client", secret));
    }
}
