package io.latchkey.store.revocation;

import java.time.Instant;

/**
 * What the revocation check needs to know about a presented access token.
 *
 * @param jti      the token's id
 * @param sid      the grant it belongs to; null for tokens without one (client_credentials)
 * @param subject  the account id, or a client id for a client's own token
 * @param issuedAt {@code iat}, whole seconds
 */
public record TokenFacts(String jti, String sid, String subject, Instant issuedAt) {
}
