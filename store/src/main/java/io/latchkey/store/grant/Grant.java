package io.latchkey.store.grant;

import java.time.Instant;

/**
 * One active grant of a user.
 *
 * @param id            the grant id, the {@code sid} of its access tokens
 * @param clientId      the client it was granted to
 * @param clientName    that client's display name
 * @param createdAt     when it began
 * @param lastRefreshed when a token was last issued for it
 * @param expiresAt     when its last token expires
 */
public record Grant(String id, String clientId, String clientName, Instant createdAt, Instant lastRefreshed,
        Instant expiresAt) {
}
