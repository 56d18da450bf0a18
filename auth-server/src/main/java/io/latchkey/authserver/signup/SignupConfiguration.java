package io.latchkey.authserver.signup;

import io.latchkey.store.account.AccountRepository;
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
            AccountsProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new AccountRegistration(accounts, audit, new SignupLimit(properties.signupLimit(), buckets, audit),
                meters.getIfAvailable(SimpleMeterRegistry::new), properties.hideExisting());
    }
}
