package io.latchkey.democlient;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the demo finds Latchkey.
 *
 * @param issuer         auth-server as the browser sees it: sign-up page, stylesheet, sign-out
 * @param resourceApiUrl resource-api, called with the signed-in user's access token
 */
@ConfigurationProperties("latchkey.demo")
public record DemoClientProperties(
        @DefaultValue("http://localhost:9000") URI issuer,
        @DefaultValue("http://localhost:8081") URI resourceApiUrl) {
}
