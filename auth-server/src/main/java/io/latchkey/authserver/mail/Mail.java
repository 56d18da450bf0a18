package io.latchkey.authserver.mail;

/** A mail ready to send: both bodies, HTML for mail clients that show it, text for the rest. */
public record Mail(String to, String subject, String text, String html) {
}
