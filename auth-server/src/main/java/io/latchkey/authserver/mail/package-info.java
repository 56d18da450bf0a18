/**
 * Mail: sending the outbox's mails over SMTP ({@code spring.mail.*}) off the request thread,
 * rendering them from Thymeleaf templates (HTML and text), and the embedded default, a real
 * SMTP server on loopback with a dev mailbox page in the local profile.
 */
package io.latchkey.authserver.mail;
