package io.latchkey.testing;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Keeps the configuration reference in step with the code: every property a Latchkey
 * {@code @ConfigurationProperties} record on the classpath binds must be named in the
 * reference pages, as {@code `prefix.name`}. A list of records is named by its elements'
 * properties, written {@code prefix.name[n].property}.
 */
public final class ConfigurationReference {

    private ConfigurationReference() {
    }

    /** The reference pages, from a module's folder, where the tests run. */
    private static final Path[] PAGES = { Path.of("../docs/configuration.md"), Path.of("../docs/operations.md") };

    /**
     * Fails, naming each one, when a property this module's classpath binds is in neither
     * {@code docs/configuration.md} nor {@code docs/operations.md}. Each app's
     * {@code ConfigurationReferenceTest} calls this for itself.
     */
    public static void check() throws IOException {
        Set<String> bound = bound();
        if (bound.isEmpty()) {
            throw new AssertionError("No @ConfigurationProperties record found under io.latchkey");
        }
        Set<String> missing = undocumented(PAGES);
        if (!missing.isEmpty()) {
            throw new AssertionError("Properties missing from the configuration reference: " + missing);
        }
    }

    /** The properties bound under {@code io.latchkey} that none of {@code pages} names. */
    public static Set<String> undocumented(Path... pages) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path page : pages) {
            text.append(Files.readString(page));
        }
        Set<String> missing = new TreeSet<>();
        for (String property : bound()) {
            if (!text.toString().contains("`" + property)) {
                missing.add(property);
            }
        }
        return missing;
    }

    /** Every property the {@code @ConfigurationProperties} records under {@code io.latchkey} bind. */
    public static Set<String> bound() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Set<String> properties = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.latchkey")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), ConfigurationReference.class.getClassLoader());
            ConfigurationProperties annotation = AnnotatedElementUtils.findMergedAnnotation(type, ConfigurationProperties.class);
            if (annotation != null && type.isRecord()) {
                collect(annotation.prefix(), type, properties);
            }
        }
        return properties;
    }

    private static void collect(String prefix, Class<?> record, Set<String> properties) {
        for (RecordComponent component : record.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> type = component.getType();
            Type generic = component.getGenericType();
            if (isLatchkeyRecord(type)) {
                collect(name, type, properties);
            }
            else if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element && isLatchkeyRecord(element)) {
                collect(name + "[n]", element, properties);
            }
            else {
                properties.add(name);
            }
        }
    }

    private static boolean isLatchkeyRecord(Class<?> type) {
        return type.isRecord() && type.getName().startsWith("io.latchkey.");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
