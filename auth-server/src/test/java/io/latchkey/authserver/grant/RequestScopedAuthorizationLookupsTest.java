package io.latchkey.authserver.grant;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.store.termination.Termination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/** Over the real JDBC service, counting the lookups that reach it. */
@AuthServerTest
class RequestScopedAuthorizationLookupsTest {

    @Autowired
    OAuth2AuthorizationService store;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    Termination termination;

    final AtomicInteger storeLookups = new AtomicInteger();
    RequestScopedAuthorizationLookups lookups;
    String accessToken;

    @BeforeEach
    void setUp() {
        this.lookups = new RequestScopedAuthorizationLookups(new CountingLookups());
        // NOTE: a grant saved straight into the store (client_credentials tokens are not
        // stored, and sign-ins here could meet the per-IP throttle other tests fill up).
        this.accessToken = "lookups-" + UUID.randomUUID();
        Instant now = Instant.now();
        this.store.save(OAuth2Authorization.withRegisteredClient(this.clients.findByClientId("first-party"))
                .id(UUID.randomUUID().toString())
                .principalName(UUID.randomUUID().toString())
                .authorizationGrantType(new AuthorizationGrantType("password"))
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, this.accessToken, now, now.plusSeconds(900)))
                .build());
    }

    @AfterEach
    void endRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void withinOneRequestASecondLookupOfTheSameTokenIsAnsweredWithoutTheStore() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        OAuth2Authorization first = this.lookups.findByToken(this.accessToken, null);
        OAuth2Authorization second = this.lookups.findByToken(this.accessToken, null);

        assertThat(first).isNotNull();
        assertThat(second).isSameAs(first);
        assertThat(this.storeLookups).hasValue(1);
    }

    @Test
    void aSaveInTheRequestMakesTheNextLookupGoToTheStore() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        OAuth2Authorization grant = this.lookups.findByToken(this.accessToken, null);

        this.lookups.save(grant);
        this.lookups.findByToken(this.accessToken, null);

        assertThat(this.storeLookups).hasValue(2);
    }

    @Test
    void aGrantEndedInTheRequestIsNotFoundAgainFromTheRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        OAuth2Authorization grant = this.store.findByToken(this.accessToken, null);
        assertThat(grant).isNotNull();

        this.termination.endGrant(grant.getId(), null, "first-party", "test.grant_ended", null);

        assertThat(this.store.findByToken(this.accessToken, null)).as("the app's own lookups, after store's SQL delete").isNull();
    }

    @Test
    void lookupsOutsideARequestOrOfAKnownTypeAlwaysGoToTheStore() {
        this.lookups.findByToken(this.accessToken, null);
        this.lookups.findByToken(this.accessToken, null);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        this.lookups.findByToken(this.accessToken, OAuth2TokenType.ACCESS_TOKEN);
        this.lookups.findByToken(this.accessToken, OAuth2TokenType.ACCESS_TOKEN);

        assertThat(this.storeLookups).hasValue(4);
    }

    /** The real store, counting the lookups by token that reach it. */
    private final class CountingLookups implements OAuth2AuthorizationService {

        @Override
        public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
            RequestScopedAuthorizationLookupsTest.this.storeLookups.incrementAndGet();
            return RequestScopedAuthorizationLookupsTest.this.store.findByToken(token, tokenType);
        }

        @Override
        public OAuth2Authorization findById(String id) {
            return RequestScopedAuthorizationLookupsTest.this.store.findById(id);
        }

        @Override
        public void save(OAuth2Authorization authorization) {
            RequestScopedAuthorizationLookupsTest.this.store.save(authorization);
        }

        @Override
        public void remove(OAuth2Authorization authorization) {
            RequestScopedAuthorizationLookupsTest.this.store.remove(authorization);
        }
    }
}
