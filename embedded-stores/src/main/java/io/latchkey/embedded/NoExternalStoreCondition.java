package io.latchkey.embedded;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when none of the properties that point at an external server is set. */
abstract class NoExternalStoreCondition extends SpringBootCondition {

    private final String store;
    private final List<String> externalProperties;

    NoExternalStoreCondition(String store, List<String> externalProperties) {
        this.store = store;
        this.externalProperties = externalProperties;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        for (String property : this.externalProperties) {
            if (environment.containsProperty(property)) {
                return ConditionOutcome.noMatch("external " + this.store + " configured by " + property);
            }
        }
        return ConditionOutcome.match("no external " + this.store + " configured");
    }

    static final class NoExternalDatabase extends NoExternalStoreCondition {
        NoExternalDatabase() {
            super("database", List.of("spring.datasource.url"));
        }
    }

    static final class NoExternalRedis extends NoExternalStoreCondition {
        NoExternalRedis() {
            super("Redis", List.of("spring.data.redis.url", "spring.data.redis.host",
                    "spring.data.redis.sentinel.nodes", "spring.data.redis.cluster.nodes"));
        }
    }
}
