package io.latchkey.authserver.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSecurityPolicyTest {

    @Test
    void aRedirectUriBecomesItsOrigin() {
        assertThat(ContentSecurityPolicy.sourceOf("https://App.Example.com/cb?x=1#f")).contains("https://app.example.com");
        assertThat(ContentSecurityPolicy.sourceOf("http://localhost:8080/login/oauth2/code/latchkey"))
                .contains("http://localhost:8080");
        assertThat(ContentSecurityPolicy.sourceOf("http://[::1]:5173/callback")).contains("http://[::1]:5173");
    }

    @Test
    void aNativeAppsPrivateUseRedirectUriBecomesItsScheme() {
        assertThat(ContentSecurityPolicy.sourceOf("com.example.app:/oauth2redirect")).contains("com.example.app:");
    }

    /** What could end a directive or add a source of its own never reaches the policy. */
    @ParameterizedTest
    @ValueSource(strings = { "https://a.example;script-src *", "https://a.example script-src", "https://a'x.example/",
            "not a uri", "/relative/path", "https:///no-host", "java script:alert(1)", "" })
    void whatIsNoCleanOriginIsLeftOut(String uri) {
        assertThat(ContentSecurityPolicy.sourceOf(uri)).isEmpty();
    }

    @Test
    void thePolicyNamesTheFormTargetsInFormActionOnly() {
        String policy = ContentSecurityPolicy.forPages(List.of("https://app.example"));

        assertThat(policy).contains("style-src 'self';").endsWith("form-action 'self' https://app.example")
                .startsWith("default-src 'self';").doesNotContain("unsafe");
        assertThat(ContentSecurityPolicy.forPages(List.of())).endsWith("form-action 'self'");
    }
}
