package io.latchkey.api.cors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Only exact origins may be allowed: a wildcard, a path or a typo stops the app at start. */
class BrowserAppOriginsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    @ParameterizedTest
    @ValueSource(strings = { "*", "http://localhost:5173/", "http://localhost:5173/app", "localhost:5173", "null",
            "http://*.example.com", "ftp://files.example.com" })
    void anOriginThatIsNotExactKeepsTheAppFromStarting(String origin) {
        this.context.withPropertyValues("latchkey.cors.allowed-origins=" + origin)
                .run(started -> assertThat(started).hasFailed());
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:5173", "https://app.example.com", "https://[::1]:8443" })
    void anExactOriginIsAllowed(String origin) {
        this.context.withPropertyValues("latchkey.cors.allowed-origins=" + origin)
                .run(started -> assertThat(started.getBean(BrowserAppOrigins.class).allowedOrigins()).containsExactly(origin));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BrowserAppOrigins.class)
    static class Properties {
    }
}
