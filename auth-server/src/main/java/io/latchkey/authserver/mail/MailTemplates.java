package io.latchkey.authserver.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail's two bodies from {@code templates/mail/<name>.html} and {@code .txt}
 * (Thymeleaf: HTML escapes what it inserts, text inserts it as it is).
 */
public class MailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    public MailTemplates() {
        this.engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    public Mail render(String template, String to, String subject, Map<String, Object> variables) {
        Context context = new Context(Locale.ENGLISH, variables);
        context.setVariable("subject", subject);
        return new Mail(to, subject, this.engine.process(template + ".txt", context),
                this.engine.process(template + ".html", context));
    }
}
