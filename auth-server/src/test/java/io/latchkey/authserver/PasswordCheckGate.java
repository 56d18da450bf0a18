package io.latchkey.authserver;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Holds one password check of the real encoder at its start, after the account's hash was
 * read, until the test lets it go: so a test can change what happens in between, as a
 * concurrent request would, at a known point. Import it into an {@link AuthServerTest}.
 */
public final class PasswordCheckGate {

    private final AtomicReference<Hold> next = new AtomicReference<>();

    /** The next password check waits at the gate; returns the hold to wait on and release. */
    public Hold holdNextCheck() {
        Hold hold = new Hold("password check");
        this.next.set(hold);
        return hold;
    }

    private boolean matches(PasswordEncoder encoder, CharSequence raw, String encoded) {
        Hold hold = this.next.getAndSet(null);
        if (hold != null) {
            hold.pass();
        }
        return encoder.matches(raw, encoded);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        PasswordCheckGate passwordCheckGate() {
            return new PasswordCheckGate();
        }

        @Bean
        static BeanPostProcessor gatedPasswordEncoder(ObjectProvider<PasswordCheckGate> gate) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    // The users' encoder only: client secrets have encoders of their own.
                    if (!beanName.equals("passwordEncoder") || !(bean instanceof PasswordEncoder encoder)) {
                        return bean;
                    }
                    return new PasswordEncoder() {
                        @Override
                        public String encode(CharSequence raw) {
                            return encoder.encode(raw);
                        }

                        @Override
                        public boolean matches(CharSequence raw, String encoded) {
                            return gate.getObject().matches(encoder, raw, encoded);
                        }

                        @Override
                        public boolean upgradeEncoding(String encoded) {
                            return encoder.upgradeEncoding(encoded);
                        }
                    };
                }
            };
        }
    }
}
