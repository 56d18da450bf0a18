package io.latchkey.testing.reference;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Properties the reference check must find: a plain one, a nested record's and a list element's. */
@ConfigurationProperties("latchkey.sample")
public record SampleProperties(Duration cacheTtl, Limit signupLimit, List<Client> clients) {

    public record Limit(int perAddress) {
    }

    public record Client(String clientId, List<String> redirectUris) {
    }
}
