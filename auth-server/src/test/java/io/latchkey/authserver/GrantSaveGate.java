package io.latchkey.authserver;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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

    private final AtomicBoolean armed = new AtomicBoolean();
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    public void holdNextCodeSave() {
        this.armed.set(true);
    }

    public void awaitReached() throws InterruptedException {
        if (!this.reached.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("No grant with a code was saved");
        }
    }

    public void release() {
        this.released.countDown();
    }

    private void beforeSave(OAuth2Authorization authorization) {
        if (authorization.getToken(OAuth2AuthorizationCode.class) != null && this.armed.compareAndSet(true, false)) {
            this.reached.countDown();
            try {
                if (!this.released.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The test never released the save");
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
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
