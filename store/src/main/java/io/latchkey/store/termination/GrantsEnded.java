package io.latchkey.store.termination;

import java.util.UUID;

/**
 * Published (synchronously, on the thread that ended them) when grants end, so that whatever
 * remembers a grant for the rest of a request forgets it.
 *
 * @param grantId the grant ended, or null when every grant of {@code account} ended
 * @param account whose grants they were, or null for a client's own grant
 */
public record GrantsEnded(String grantId, UUID account) {
}
