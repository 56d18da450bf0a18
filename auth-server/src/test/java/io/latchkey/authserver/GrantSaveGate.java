package io.latchkey.authserver;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Holds the next save of a grant that carries an authorization code, before it is written,
 * until the test lets it go: the authorization endpoint has then checked the browser
 * session and issued the code. Import it into an {@link AuthServerTest}.
 */
public final class GrantSaveGate {

    private final AtomicReference<Hold> next = new AtomicReference<>();

    /** The next save of a grant with a code waits at the gate; returns the hold to wait on and release. */
    public Hold holdNextCodeSave() {
        Hold hold = new Hold("save of a grant with a code");
        this.next.set(hold);
        return hold;
    }

    private void beforeSave(OAuth2Authorization authorization) {
        if (authorization.getToken(OAuth2AuthorizationCode.class) != null) {
            Hold hold = this.next.getAndSet(null);
            if (hold != null) {
                hold.pass();
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        GrantSaveGate grantSaveGate() {
            return new GrantSaveGate();
        }

        @Bean
        static BeanPostProcessor gatedGrantSaves(ObjectProvider<GrantSaveGate> gate) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (!beanName.equals("authorizationService") || !(bean instanceof OAuth2AuthorizationService service)) {
                        return bean;
                    }
                    return new OAuth2AuthorizationService() {
                        @Override
                        public void save(OAuth2Authorization authorization) {
                            gate.getObject().beforeSave(authorization);
                            service.save(authorization);
                        }

                        @Override
                        public void remove(OAuth2Authorization authorization) {
                            service.remove(authorization);
                        }

                        @Override
                        public OAuth2Authorization findById(String id) {
                            return service.findById(id);
                        }

                        @Override
                        public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
                            return service.findByToken(token, tokenType);
                        }
                    };
                }
            };
        }
    }
}
