package io.latchkey.authserver.keys;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a new signing key when the current one is older than the rotation interval,
 * and keeps the replaced key published long enough for the tokens it signed.
 * Runs at start-up and on a schedule on every instance; a PostgreSQL advisory lock
 * makes sure only one of them rotates.
 */
public class SigningKeyRotation implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRotation.class);

    private final SigningKeyRepository repository;
    private final RotatingJwkSource jwkSource;
    private final TransactionTemplate transaction;
    private final KeyProperties properties;
    private final Clock clock;

    SigningKeyRotation(SigningKeyRepository repository, RotatingJwkSource jwkSource, TransactionTemplate transaction,
            KeyProperties properties, Clock clock) {
        this.repository = repository;
        this.jwkSource = jwkSource;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        rotateIfDue();
    }

    @Scheduled(fixedDelayString = "${latchkey.keys.refresh-interval:PT1M}",
            initialDelayString = "${latchkey.keys.refresh-interval:PT1M}")
    void rotateIfDue() {
        this.transaction.executeWithoutResult(status -> {
            this.repository.lockForRotation();
            Instant current = this.repository.currentKeyCreatedAt();
            if (current == null || !current.plus(this.properties.rotationInterval()).isAfter(this.clock.instant())) {
                replaceCurrentKey();
            }
        });
        this.jwkSource.refresh();
    }

    /** Rotates now, whatever the schedule says: for an operator who suspects the key leaked, and for tests. */
    public void rotateNow() {
        this.transaction.executeWithoutResult(status -> {
            this.repository.lockForRotation();
            replaceCurrentKey();
        });
        this.jwkSource.refresh();
    }

    private void replaceCurrentKey() {
        Instant now = this.clock.instant();
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            this.repository.retireCurrent(now.plus(this.properties.retiredKeyPublishedFor()));
            this.repository.insert(key, now);
            log.info("Rotated the signing key: new kid {}", key.getKeyID());
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not generate a signing key", ex);
        }
    }
}
