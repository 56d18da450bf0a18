package io.latchkey.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded stores keep their data and which ports they listen on.
 *
 * @param dataDirectory folder holding {@code postgres/} and {@code redis/}; kept across restarts
 * @param postgresPort  0 picks a free port; a fixed port lets other Latchkey apps attach to it
 * @param redisPort     0 picks a free port; a fixed port lets other Latchkey apps attach to it
 */
@ConfigurationProperties("latchkey.embedded")
public record EmbeddedStoresProperties(
        @DefaultValue(".latchkey/data") Path dataDirectory,
        @DefaultValue("0") int postgresPort,
        @DefaultValue("0") int redisPort) {
}
