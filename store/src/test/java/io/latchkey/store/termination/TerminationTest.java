package io.latchkey.store.termination;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.latchkey.store.StoreTest;
import io.latchkey.store.TestClients;
import io.latchkey.store.audit.AuditEvent;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.revocation.RevocationStore;
import io.latchkey.store.revocation.TokenFacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Ending a grant, or everything of a user: tokens denied, rows deleted, the audit trail told. */
@StoreTest
class TerminationTest {

    @Autowired
    Termination termination;

    @Autowired
    RevocationStore revocations;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    UUID user;

    @BeforeEach
    void aUserAndAClient() {
        this.user = UUID.randomUUID();
        TestClients.register(this.jdbc, "termination-test");
    }

    @Test
    void endingAGrantDeniesItsTokensDeletesItAndIsAuditedAndLeavesTheUsersOtherGrants() {
        String ended = grantOf(this.user);
        String kept = grantOf(this.user);
        String type = "session.revoked." + UUID.randomUUID();

        this.termination.endGrant(ended, this.user, "termination-test", type, "ended by its user");

        assertThat(this.revocations.isDenied(tokenOf(ended))).isTrue();
        assertThat(this.revocations.isDenied(tokenOf(kept))).isFalse();
        assertThat(grantIdsOf(this.user)).containsExactly(kept);
        assertThat(this.audit.findByType(type)).extracting(AuditEvent::accountId, AuditEvent::clientId, AuditEvent::grantId)
                .containsExactly(tuple(this.user, "termination-test", ended));
    }

    @Test
    void endingEverythingOfAUserDeniesEveryTokenIssuedBeforeAndDeletesEveryGrantAndConsent() {
        String first = grantOf(this.user);
        String second = grantOf(this.user);
        UUID other = UUID.randomUUID();
        String othersGrant = grantOf(other);
        this.jdbc.sql("INSERT INTO oauth2_authorization_consent (registered_client_id, principal_name, authorities) "
                + "VALUES ('termination-test', :principal, 'SCOPE_openid')").param("principal", this.user.toString()).update();
        String type = "account.password_changed." + UUID.randomUUID();

        this.termination.endEverythingOf(this.user, type);

        assertThat(this.revocations.isDenied(tokenOf(first))).isTrue();
        assertThat(this.revocations.isDenied(tokenOf(second))).isTrue();
        assertThat(this.revocations.isDenied(new TokenFacts("jti", "a-later-grant", this.user.toString(),
                this.clock.instant().minusSeconds(60)))).as("any token issued before, whatever its grant").isTrue();
        assertThat(this.revocations.isDenied(new TokenFacts("jti", othersGrant, other.toString(), this.clock.instant())))
                .isFalse();
        assertThat(grantIdsOf(this.user)).isEmpty();
        assertThat(grantIdsOf(other)).containsExactly(othersGrant);
        assertThat(this.jdbc.sql("SELECT count(*) FROM oauth2_authorization_consent WHERE principal_name = :principal")
                .param("principal", this.user.toString()).query(Long.class).single()).isZero();
        assertThat(this.audit.findByType(type)).extracting(AuditEvent::accountId).containsExactly(this.user);
    }

    private TokenFacts tokenOf(String grantId) {
        return new TokenFacts("jti-" + grantId, grantId, this.user.toString(), this.clock.instant());
    }

    private String grantOf(UUID account) {
        String id = UUID.randomUUID().toString();
        this.jdbc.sql("""
                INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type, created_at)
                VALUES (:id, 'termination-test', :principal, 'authorization_code', :now)
                """).param("id", id).param("principal", account.toString()).param("now", Timestamp.from(this.clock.instant())).update();
        return id;
    }

    private List<String> grantIdsOf(UUID account) {
        return this.jdbc.sql("SELECT id FROM oauth2_authorization WHERE principal_name = :principal")
                .param("principal", account.toString()).query(String.class).list();
    }
}
