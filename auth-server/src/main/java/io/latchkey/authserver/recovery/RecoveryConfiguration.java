package io.latchkey.authserver.recovery;

import java.time.Clock;

import io.latchkey.authserver.mail.MailRequestLimit;
import io.latchkey.authserver.mail.MailTemplates;
import io.latchkey.authserver.token.TokenProperties;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.mail.MailOutbox;
import io.latchkey.store.termination.Termination;
import io.latchkey.store.throttle.RedisBuckets;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PasswordResetProperties.class)
class RecoveryConfiguration {

    @Bean
    ResetLinks resetLinks(JdbcClient jdbc, Clock clock, PasswordResetProperties properties) {
        return new ResetLinks(jdbc, clock, properties.linkLifetime());
    }

    @Bean
    PasswordResets passwordResets(PasswordResetProperties properties, RedisBuckets buckets, MailOutbox outbox, ResetLinks links,
            AccountRepository accounts, Termination termination, PlatformTransactionManager transactions) {
        return new PasswordResets(new MailRequestLimit("password reset", properties.perAddress(), properties.perClient(),
                properties.window(), buckets), outbox, links, accounts, termination,
                new TransactionTemplate(transactions));
    }

    @Bean
    PasswordResetMail passwordResetMail(AccountRepository accounts, ResetLinks links, MailTemplates templates,
            TokenProperties tokens) {
        return new PasswordResetMail(accounts, links, templates, tokens.issuer());
    }
}
