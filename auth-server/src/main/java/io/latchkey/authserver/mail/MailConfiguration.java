package io.latchkey.authserver.mail;

import java.time.Clock;
import java.util.List;
import java.util.Properties;

import io.latchkey.store.mail.MailOutbox;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mail over SMTP: Spring Boot's sender when {@code spring.mail.host} is set; otherwise an
 * embedded SMTP server and a sender pointed at it, in the local profile (or where
 * {@code latchkey.mail.embedded.allowed} says so), and a refusal to start anywhere else.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

    static final String LOCAL_PROFILE = "local";

    @Bean(destroyMethod = "close")
    @Conditional(NoMailHost.class)
    EmbeddedMailServer embeddedMailServer(MailProperties properties, Environment environment) {
        if (!properties.embedded().allowed() && !environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
            throw new IllegalStateException("Refusing to start: no spring.mail.host is configured, and the embedded mail"
                    + " server (which delivers to nobody) is only for the '" + LOCAL_PROFILE + "' profile. Set"
                    + " spring.mail.host (and spring.mail.port, username, password) to your SMTP server, or"
                    + " latchkey.mail.embedded.allowed=true for a trial.");
        }
        return EmbeddedMailServer.start(properties.embedded().port());
    }

    @Bean
    @Conditional(NoMailHost.class)
    JavaMailSender embeddedMailSender(EmbeddedMailServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.port());
        sender.setDefaultEncoding("UTF-8");
        Properties timeouts = new Properties();
        timeouts.setProperty("mail.smtp.connectiontimeout", "2000");
        timeouts.setProperty("mail.smtp.timeout", "5000");
        timeouts.setProperty("mail.smtp.writetimeout", "5000");
        sender.setJavaMailProperties(timeouts);
        return sender;
    }

    @Bean
    MailTemplates mailTemplates() {
        return new MailTemplates();
    }

    @Bean
    OutboxSender outboxSender(MailOutbox outbox, JavaMailSender sender, MailProperties properties, List<MailKind> kinds,
            MeterRegistry meters, Clock clock) {
        return new OutboxSender(outbox, sender, properties, kinds, meters, clock);
    }

    /** No SMTP server configured: neither {@code spring.mail.host} nor {@code spring.mail.jndi-name}. */
    static final class NoMailHost implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            return !environment.containsProperty("spring.mail.host") && !environment.containsProperty("spring.mail.jndi-name");
        }
    }
}
