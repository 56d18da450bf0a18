package io.latchkey.authserver.signup;

import io.latchkey.authserver.verification.EmailVerifications;
import io.latchkey.authserver.mail.MailTemplates;
import io.latchkey.authserver.token.TokenProperties;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.mail.MailOutbox;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.throttle.RedisBuckets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountsProperties.class)
class SignupConfiguration {

    @Bean
    AccountRegistration accountRegistration(AccountRepository accounts, AuditLog audit, RedisBuckets buckets,
            AccountsProperties properties, ObjectProvider<MeterRegistry> meters, EmailVerifications verifications,
            MailOutbox outbox) {
        return new AccountRegistration(accounts, audit, new SignupLimit(properties.signupLimit(), buckets, audit),
                meters.getIfAvailable(SimpleMeterRegistry::new), properties.hideExisting(), verifications, outbox);
    }

    @Bean
    SignupAttemptMail signupAttemptMail(AccountRepository accounts, MailTemplates templates, TokenProperties tokens) {
        return new SignupAttemptMail(accounts, templates, tokens.issuer());
    }
}
