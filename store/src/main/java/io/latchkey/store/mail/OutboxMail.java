package io.latchkey.store.mail;

import java.util.UUID;

/**
 * One mail to send: what kind (which template and links) and to whom.
 *
 * @param account  the account it is about, when the recipient is not (only) known by address; or null
 * @param attempts how many times sending it has begun, this one included
 */
public record OutboxMail(long id, String kind, String recipient, UUID account, int attempts) {
}
