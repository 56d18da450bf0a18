package io.latchkey.authserver.verification;

import java.time.Clock;

import io.latchkey.authserver.mail.MailKind;
import io.latchkey.authserver.mail.MailRequestLimit;
import io.latchkey.authserver.mail.MailTemplates;
import io.latchkey.authserver.token.TokenProperties;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.mail.MailOutbox;
import io.latchkey.store.throttle.RedisBuckets;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailVerificationProperties.class)
class EmailVerificationConfiguration {

    @Bean
    EmailConfirmations emailConfirmations(JdbcClient jdbc, Clock clock, EmailVerificationProperties properties) {
        return new EmailConfirmations(jdbc, clock, properties.linkLifetime());
    }

    @Bean
    EmailVerifications emailVerifications(EmailVerificationProperties properties, RedisBuckets buckets, MailOutbox outbox,
            EmailConfirmations confirmations, AccountRepository accounts, AuditLog audit, PlatformTransactionManager transactions) {
        return new EmailVerifications(new MailRequestLimit("confirmation link", properties.perAddress(), properties.perClient(),
                properties.window(), buckets), outbox, confirmations, accounts, audit, new TransactionTemplate(transactions));
    }

    @Bean
    EmailConfirmationMail emailConfirmationMail(AccountRepository accounts, EmailConfirmations confirmations,
            MailTemplates templates, TokenProperties tokens, EmailVerificationProperties properties) {
        return new EmailConfirmationMail(accounts, confirmations, templates, tokens.issuer(), properties.linkLifetime().toHours());
    }

    @Bean
    MailKind emailChangeMail(AccountRepository accounts, EmailConfirmations confirmations, MailTemplates templates,
            TokenProperties tokens, EmailVerificationProperties properties) {
        return EmailChangeMails.confirmation(accounts, confirmations, templates, tokens.issuer(), properties.linkLifetime().toHours());
    }

    @Bean
    MailKind emailChangeNoticeMail(AccountRepository accounts, MailTemplates templates, TokenProperties tokens) {
        return EmailChangeMails.notice(accounts, templates, tokens.issuer());
    }
}
