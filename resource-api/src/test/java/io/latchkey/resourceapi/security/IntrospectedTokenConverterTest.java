package io.latchkey.resourceapi.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** In introspection mode auth-server's answer passes the same rules as a JWT's claims. */
class IntrospectedTokenConverterTest {

    private final IntrospectedTokenConverter converter = new IntrospectedTokenConverter("latchkey-api");

    @Test
    void anActiveBearerTokenForThisAudienceBecomesItsScopesAndRoles() {
        var principal = this.converter.convert(() -> Map.of("active", true, "sub", "someone", "aud", List.of("latchkey-api"),
                "scope", List.of("account:read"), "roles", List.of("admin")));

        assertThat(principal.getName()).isEqualTo("someone");
        assertThat(principal.getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("SCOPE_account:read", "ROLE_ADMIN");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertThatExceptionOfType(BadOpaqueTokenException.class).isThrownBy(() -> this.converter.convert(
                () -> Map.of("active", true, "sub", "someone", "aud", List.of("another-api"))));
    }

    @Test
    void aTokenBoundToAKeyIsRefusedAsABearerToken() {
        assertThatExceptionOfType(BadOpaqueTokenException.class).isThrownBy(() -> this.converter.convert(
                () -> Map.of("active", true, "sub", "someone", "aud", List.of("latchkey-api"),
                        "cnf", Map.of("jkt", "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I"))))
                .withMessageContaining("bound to a key");
    }
}
