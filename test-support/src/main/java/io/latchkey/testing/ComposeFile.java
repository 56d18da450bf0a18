package io.latchkey.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.yml as the apps see it: for one service, which environment variables
 * it sets that the app does not read. An app reads a variable when, by Spring's relaxed
 * binding, it names a property in the configuration metadata on the classpath (Spring
 * Boot's and Latchkey's own), a key of the app's application*.yml, or a placeholder
 * those files use (e.g. {@code ${LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD:}}).
 */
public final class ComposeFile {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private final Map<String, Object> services;

    private ComposeFile(Map<String, Object> services) {
        this.services = services;
    }

    @SuppressWarnings("unchecked")
    public static ComposeFile load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> compose = new Yaml().load(in);
            return new ComposeFile((Map<String, Object>) compose.get("services"));
        }
    }

    public Set<String> services() {
        return this.services.keySet();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> service(String name) {
        return (Map<String, Object>) this.services.get(name);
    }

    @SuppressWarnings("unchecked")
    public Set<String> environmentOf(String service) {
        Object environment = service(service).get("environment");
        return environment == null ? Set.of() : ((Map<String, Object>) environment).keySet();
    }

    /** The variables a service sets that this classpath's app would not read. */
    public List<String> unreadVariables(String service) {
        KnownProperties known = KnownProperties.fromClasspath();
        List<String> unread = new ArrayList<>();
        for (String variable : environmentOf(service)) {
            if (!known.reads(variable)) {
                unread.add(variable);
            }
        }
        return unread;
    }

    /** What an app on this classpath can be configured by. */
    public static final class KnownProperties {

        private final Set<String> properties = new HashSet<>();
        private final Set<String> mapPrefixes = new HashSet<>();
        private final Set<String> placeholders = new HashSet<>();

        public static KnownProperties fromClasspath() {
            KnownProperties known = new KnownProperties();
            try {
                ClassLoader loader = ComposeFile.class.getClassLoader();
                for (String resource : List.of("META-INF/spring-configuration-metadata.json",
                        "META-INF/additional-spring-configuration-metadata.json")) {
                    for (URL url : Collections.list(loader.getResources(resource))) {
                        known.addMetadata(url);
                    }
                }
                for (String resource : List.of("application.yml", "application-local.yml")) {
                    for (URL url : Collections.list(loader.getResources(resource))) {
                        known.addApplicationYaml(url);
                    }
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return known;
        }

        public boolean reads(String variable) {
            if (this.placeholders.contains(variable)) {
                return true;
            }
            String name = normalize(variable);
            return this.properties.contains(name) || this.mapPrefixes.stream().anyMatch(name::startsWith);
        }

        private void addMetadata(URL url) throws IOException {
            try (InputStream in = url.openStream()) {
                JsonNode metadata = JsonMapper.builder().build().readTree(in);
                JsonNode properties = metadata.get("properties");
                if (properties == null) {
                    return;
                }
                for (JsonNode property : properties.values()) {
                    String name = normalize(property.get("name").asString());
                    JsonNode type = property.get("type");
                    if (type != null && type.asString().startsWith("java.util.Map")) {
                        this.mapPrefixes.add(name);
                    }
                    this.properties.add(name);
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void addApplicationYaml(URL url) throws IOException {
            try (InputStream in = url.openStream()) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                Matcher placeholder = PLACEHOLDER.matcher(text);
                while (placeholder.find()) {
                    this.placeholders.add(placeholder.group(1));
                }
                for (Object document : new Yaml().loadAll(text)) {
                    if (document instanceof Map<?, ?> map) {
                        flatten("", (Map<String, Object>) map, this.properties);
                    }
                }
            }
        }

        @SuppressWarnings("unchecked")
        private static void flatten(String prefix, Map<String, Object> map, Set<String> into) {
            map.forEach((key, value) -> {
                String name = prefix.isEmpty() ? key : prefix + "." + key;
                if (value instanceof Map<?, ?> nested) {
                    flatten(name, (Map<String, Object>) nested, into);
                }
                else {
                    into.add(normalize(name));
                }
            });
        }

        /** Relaxed binding's view: case, dots, dashes and underscores do not matter. */
        private static String normalize(String name) {
            return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }
    }
}
