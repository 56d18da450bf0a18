package io.latchkey.authserver.signup;

import java.net.http.HttpResponse;
import java.util.UUID;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional range limit: sign-ups from one network (a /24, an IPv6 /64) share one budget,
 * however many addresses in it they come from. Each test uses networks of its own.
 */
@AuthServerTest
@TestPropertySource(properties = {
        "latchkey.accounts.signup-limit.per-address=10",
        "latchkey.accounts.signup-limit.per-range=2",
        "server.forward-headers-strategy=framework" })
class SignupRangeLimitTest {

    @LocalServerPort
    int port;

    HttpBrowser http;

    @BeforeEach
    void setUp() {
        this.http = new HttpBrowser("http://localhost:" + this.port);
    }

    @Test
    void theNextAddressOfAnIpv4NetworkWhoseBudgetIsSpentIsRefused() {
        assertThat(register("198.51.100.1").statusCode()).isEqualTo(201);
        assertThat(register("198.51.100.2").statusCode()).isEqualTo(201);

        HttpResponse<String> refused = register("198.51.100.3");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(register("198.51.101.1").statusCode()).as("the next /24 has its own budget").isEqualTo(201);
    }

    @Test
    void theNextAddressOfAnIpv6NetworkWhoseBudgetIsSpentIsRefused() {
        assertThat(register("2001:db8:5:6::1").statusCode()).isEqualTo(201);
        assertThat(register("2001:db8:5:6:ffff::2").statusCode()).isEqualTo(201);

        assertThat(register("2001:db8:5:6:1234:5678:9abc:def0").statusCode()).isEqualTo(429);
        assertThat(register("2001:db8:5:7::1").statusCode()).as("the next /64 has its own budget").isEqualTo(201);
    }

    private HttpResponse<String> register(String from) {
        String email = "range-" + UUID.randomUUID() + "@example.com";
        return this.http.postJson("/api/auth/register",
                JsonBody.of("name", "R", "email", email, "password", "a good password", "passwordConfirm", "a good password"),
                "X-Forwarded-For", from);
    }
}
