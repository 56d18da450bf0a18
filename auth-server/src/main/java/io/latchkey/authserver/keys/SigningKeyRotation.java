package io.latchkey.authserver.keys;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a new signing key when the current one of an algorithm is older than the rotation interval,
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
    private final Set<SigningAlgorithm> algorithms;
    private final Clock clock;

    SigningKeyRotation(SigningKeyRepository repository, RotatingJwkSource jwkSource, TransactionTemplate transaction,
            KeyProperties properties, Set<SigningAlgorithm> algorithms, Clock clock) {
        this.repository = repository;
        this.jwkSource = jwkSource;
        this.transaction = transaction;
        this.properties = properties;
        this.algorithms = algorithms;
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
            for (SigningAlgorithm algorithm : this.algorithms) {
                Instant current = this.repository.currentKeyCreatedAt(algorithm);
                if (current == null || !current.plus(this.properties.rotationInterval()).isAfter(this.clock.instant())) {
                    replaceCurrentKey(algorithm);
                }
            }
        });
        this.jwkSource.refresh();
    }

    /** Rotates now, whatever the schedule says: for an operator who suspects the key leaked, and for tests. */
    public void rotateNow() {
        this.transaction.executeWithoutResult(status -> {
            this.repository.lockForRotation();
            this.algorithms.forEach(this::replaceCurrentKey);
        });
        this.jwkSource.refresh();
    }

    private void replaceCurrentKey(SigningAlgorithm algorithm) {
        Instant now = this.clock.instant();
        try {
            JWK key = algorithm.generate();
            this.repository.retireCurrent(algorithm, now.plus(this.properties.retiredKeyPublishedFor()));
            this.repository.insert(key, now);
            log.info("Rotated the {} signing key: new kid {}", algorithm, key.getKeyID());
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not generate a signing key", ex);
        }
    }
}
