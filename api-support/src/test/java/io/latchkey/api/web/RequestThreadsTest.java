package io.latchkey.api.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class RequestThreadsTest {

    @Test
    void requestsRunOnFourPlatformThreadsPerCoreByDefault() {
        StandardEnvironment environment = postProcessed(Map.of());

        int expected = 4 * Runtime.getRuntime().availableProcessors();
        assertThat(environment.getProperty("spring.threads.virtual.enabled", Boolean.class)).isFalse();
        assertThat(environment.getProperty("server.tomcat.threads.max", Integer.class)).isEqualTo(expected);
        assertThat(environment.getProperty("server.tomcat.threads.min-spare", Integer.class)).isEqualTo(expected);
    }

    @Test
    void aThreadSettingMadeAnywhereElseWins() {
        StandardEnvironment environment = postProcessed(Map.of("server.tomcat.threads.max", "64", "spring.threads.virtual.enabled", "true"));

        assertThat(environment.getProperty("server.tomcat.threads.max", Integer.class)).isEqualTo(64);
        assertThat(environment.getProperty("spring.threads.virtual.enabled", Boolean.class)).isTrue();
    }

    @Test
    void aMachineThatReportsNoCoresStillGetsOneCoresWorth() {
        assertThat(RequestThreads.forCores(0)).isEqualTo(4);
        assertThat(RequestThreads.forCores(2)).isEqualTo(8);
        assertThat(RequestThreads.forCores(16)).isEqualTo(64);
    }

    @Test
    void anApplicationStartedBySpringBootGetsTheDefaults() {
        SpringApplication application = new SpringApplication(Object.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run()) {
            assertThat(context.getEnvironment().getProperty("server.tomcat.threads.max", Integer.class))
                    .isEqualTo(4 * Runtime.getRuntime().availableProcessors());
        }
    }

    private static StandardEnvironment postProcessed(Map<String, Object> applicationProperties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", applicationProperties));
        new RequestThreads().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
