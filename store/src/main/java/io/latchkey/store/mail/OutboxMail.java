package io.latchkey.store.mail;

/**
 * One mail to send: what kind (which template and links) and to whom.
 *
 * @param attempts how many times sending it has begun, this one included
 */
public record OutboxMail(long id, String kind, String recipient, int attempts) {
}
