package io.latchkey.resourceapi.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.latchkey.resourceapi.security.CurrentAccount;
import io.latchkey.store.grant.Grant;
import io.latchkey.store.grant.GrantRepository;
import io.latchkey.store.termination.Termination;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The user's sessions: each is a grant, and its id is the {@code sid} of its tokens. */
@RestController
@RequestMapping("/api/users/me/sessions")
class MySessionsController {

    private final GrantRepository grants;
    private final Termination termination;

    MySessionsController(GrantRepository grants, Termination termination) {
        this.grants = grants;
        this.termination = termination;
    }

    /** The user's sessions, the one whose token asks marked {@code current}. */
    @GetMapping
    List<Session> sessions(Authentication authentication) {
        String asking = CurrentAccount.sessionId(authentication).orElse(null);
        return this.grants.findActiveByUser(CurrentAccount.id(authentication)).stream()
                .map(grant -> Session.of(grant, grant.id().equals(asking))).toList();
    }

    /** A session as its user sees it; {@code current} when it is the one the asking token belongs to. */
    record Session(String id, String clientId, String clientName, Instant createdAt, Instant lastRefreshed,
            Instant expiresAt, boolean current) {

        static Session of(Grant grant, boolean current) {
            return new Session(grant.id(), grant.clientId(), grant.clientName(), grant.createdAt(), grant.lastRefreshed(),
                    grant.expiresAt(), current);
        }
    }

    /** Ends one session now: its access tokens are denied, its refresh token deleted. Someone else's is "not found". */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(Authentication authentication, @PathVariable String id) {
        UUID userId = CurrentAccount.id(authentication);
        Grant grant = this.grants.findByUser(userId, id).orElseThrow(() -> new ErrorResponseException(
                HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such session"), null));
        this.termination.endGrant(grant.id(), userId, grant.clientId(), "session.revoked", "ended by its user");
        return ResponseEntity.noContent().build();
    }
}
