package io.latchkey.api.web;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Requests run on a small pool of platform threads, four per core, instead of virtual threads.
 * <p>
 * CAUTION: most of a token request is CPU (signing, hashing, JSON), and a virtual thread is
 * never preempted on its carrier: on saturated cores the requests queued behind the running
 * ones wait for them all, and client_credentials answered with a p99 of 2.9 s at a p50 of
 * 4 ms. Tomcat's default of 200 platform threads fixes the tail but spends a third more CPU
 * per request switching between them. Four per core keeps both (bench/results/history.md,
 * Request threads). The pool also stays below the 10 database connections on two cores.
 * <p>
 * These are defaults, below every other property source: {@code server.tomcat.threads.max},
 * {@code server.tomcat.threads.min-spare} and {@code spring.threads.virtual.enabled} set
 * anywhere else win.
 */
public class RequestThreads implements EnvironmentPostProcessor {

    static final int PER_CORE = 4;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        int threads = forCores(Runtime.getRuntime().availableProcessors());
        environment.getPropertySources().addLast(new MapPropertySource("latchkeyRequestThreads", Map.of(
                "spring.threads.virtual.enabled", "false",
                "server.tomcat.threads.max", Integer.toString(threads),
                "server.tomcat.threads.min-spare", Integer.toString(threads))));
    }

    static int forCores(int cores) {
        return PER_CORE * Math.max(1, cores);
    }
}
