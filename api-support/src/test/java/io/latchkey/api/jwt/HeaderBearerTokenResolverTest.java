package io.latchkey.api.jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Answers as Spring's DefaultBearerTokenResolver does in its default settings, header by header. */
class HeaderBearerTokenResolverTest {

    private final BearerTokenResolver ours = new HeaderBearerTokenResolver();
    private final BearerTokenResolver springs = new DefaultBearerTokenResolver();

    @Test
    void resolvesWhatSpringsResolverResolvesAndRefusesWhatItRefuses() {
        List<String> headers = new ArrayList<>(List.of("Bearer abc", "bearer abc", "BEARER abc", "BeArEr a.b.c",
                "Bearer eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "Bearer abc==", "Bearer a+b/c=", "Bearer ==",
                "Bearer a=b", "Bearer ", "Bearer", "Bearerabc", "Bearer  abc", "Bearer abc def", "Bearer abc ", "Bearer\tabc",
                "Bearer ü", "Basic dXNlcjpwYXNz", "Token abc", "", " Bearer abc", "Bearer abc\u0000"));
        for (char c = 0x20; c < 0x7f; c++) {
            headers.add("Bearer a" + c + "b");
            headers.add("Bearer ab" + c);
        }
        for (String header : headers) {
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.addHeader("Authorization", header);
            assertThat(outcome(this.ours, request)).as("[%s]", header).isEqualTo(outcome(this.springs, request));
        }
        assertThat(outcome(this.ours, new MockHttpServletRequest())).isEqualTo("token null");
    }

    @Test
    void aMalformedBearerTokenIsAnInvalidTokenError() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer not a token");

        assertThatThrownBy(() -> this.ours.resolve(request)).isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                error -> assertThat(error.getError().getErrorCode()).isEqualTo("invalid_token"));
    }

    private static String outcome(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            return "token " + Objects.toString(resolver.resolve(request));
        }
        catch (OAuth2AuthenticationException refused) {
            return "refused " + refused.getError().getErrorCode() + ": " + refused.getError().getDescription();
        }
    }
}
