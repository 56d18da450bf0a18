package io.latchkey.resourceapi;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** Two auth-servers on one Redis count one sign-up budget per address between them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignupLimitAcrossServersTest {

    LatchkeyStack stack;

    @BeforeAll
    void startStack() throws Exception {
        this.stack = LatchkeyStack.start(2, Map.of("LATCHKEY_ACCOUNTS_SIGNUPLIMIT_PERADDRESS", "4"));
    }

    @AfterAll
    void stopStack() throws Exception {
        this.stack.close();
    }

    @Test
    void anAddressSigningUpThroughBothInstancesIsCountedInOneBudget() {
        for (int i = 0; i < 4; i++) {
            assertThat(signUp(i % 2).statusCode()).as("sign-up %d, through instance %d", i + 1, i % 2).isEqualTo(201);
        }

        assertThat(signUp(0).statusCode()).isEqualTo(429);
        HttpResponse<String> refused = signUp(1);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    private HttpResponse<String> signUp(int instance) {
        String email = "across-" + UUID.randomUUID() + "@example.com";
        return new HttpBrowser(this.stack.authServer(instance).baseUrl()).postJson("/api/auth/register",
                JsonBody.of("name", "A", "email", email, "password", "a good password", "passwordConfirm", "a good password"));
    }
}
