package io.latchkey.authserver.grant;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each call of Spring's JDBC authorization service in a transaction.
 * <p>
 * CAUTION: its row mapper loads the registered client while the authorization's result
 * set is still open. Outside a transaction that takes a second pooled connection, and
 * under load every request can hold one connection while waiting for a second: the
 * pool deadlocks until its timeout. Inside a transaction both queries share one connection.
 */
class TransactionalAuthorizationService implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService delegate;
    private final TransactionTemplate transaction;

    TransactionalAuthorizationService(OAuth2AuthorizationService delegate, TransactionTemplate transaction) {
        this.delegate = delegate;
        this.transaction = transaction;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        this.transaction.executeWithoutResult(status -> this.delegate.save(authorization));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        this.transaction.executeWithoutResult(status -> this.delegate.remove(authorization));
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return this.transaction.execute(status -> this.delegate.findById(id));
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return this.transaction.execute(status -> this.delegate.findByToken(token, tokenType));
    }
}
