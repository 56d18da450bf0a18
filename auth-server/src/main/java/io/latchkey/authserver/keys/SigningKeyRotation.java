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
 * Makes a new signing key when the newest one of an algorithm is older than the rotation interval.
 * The new key is published {@code latchkey.keys.publish-ahead} before it signs, so that every
 * instance (each re-reads the keys every {@code refresh-interval}) and every resource server's
 * JWKS cache knows it before a token names it; the replaced key stays published long enough for
 * the tokens it signed.
 * Runs at start-up and on a schedule on every instance; a PostgreSQL advisory lock
 * makes sure only one of them rotates.
 */
class SigningKeyRotation implements InitializingBean {

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
                Instant now = this.clock.instant();
                if (current == null) {
                    replaceCurrentKey(algorithm, now);
                }
                else if (!current.plus(this.properties.rotationInterval()).isAfter(now)) {
                    replaceCurrentKey(algorithm, now.plus(this.properties.publishAhead()));
                }
            }
        });
        this.jwkSource.refresh();
    }

    /**
     * Rotates now, whatever the schedule says: for an operator who suspects the key leaked, and
     * for tests. The new key signs at once; an instance that has not re-read the keys yet cannot
     * judge its tokens until it does (within {@code refresh-interval}).
     */
    public void rotateNow() {
        this.transaction.executeWithoutResult(status -> {
            this.repository.lockForRotation();
            Instant now = this.clock.instant();
            this.algorithms.forEach(algorithm -> replaceCurrentKey(algorithm, now));
        });
        this.jwkSource.refresh();
    }

    private void replaceCurrentKey(SigningAlgorithm algorithm, Instant signsFrom) {
        Instant now = this.clock.instant();
        try {
            JWK key = algorithm.generate();
            this.repository.dropNext(algorithm, now);
            this.repository.retireCurrent(algorithm, signsFrom.plus(this.properties.retiredKeyPublishedFor()));
            this.repository.insert(key, now, signsFrom);
            log.info("Rotated the {} signing key: new kid {}, signing from {}", algorithm, key.getKeyID(), signsFrom);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not generate a signing key", ex);
        }
    }
}
