package io.latchkey.authserver.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail Latchkey sends. The SMTP server is Spring Boot's {@code spring.mail.*}; with no
 * {@code spring.mail.host}, auth-server starts an embedded one.
 *
 * @param from     the sender of every mail
 * @param embedded the embedded SMTP server
 * @param sending  how the outbox is sent and retried
 */
@ConfigurationProperties("latchkey.mail")
public record MailProperties(
        @DefaultValue("Latchkey <no-reply@latchkey.local>") String from,
        @DefaultValue Embedded embedded,
        @DefaultValue Sending sending) {

    /**
     * @param allowed start the embedded SMTP server outside the local profile too (mail then
     *                goes nowhere but the server's memory: for trials, never for users)
     * @param port    its port on 127.0.0.1; 0 picks a free one
     */
    public record Embedded(@DefaultValue("false") boolean allowed, @DefaultValue("0") int port) {
    }

    /**
     * @param pollInterval how often each instance looks for due mail
     * @param batchSize    mails taken per look
     * @param lease        how long a taken mail is left to its instance before another may send it
     * @param firstRetry   the wait after a first failure; it doubles with each failure after
     * @param longestRetry the longest wait between attempts
     * @param maxAttempts  attempts before a mail is given up (logged, counted, kept in the table)
     */
    public record Sending(
            @DefaultValue("PT1S") Duration pollInterval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("PT1M") Duration lease,
            @DefaultValue("PT5S") Duration firstRetry,
            @DefaultValue("PT30M") Duration longestRetry,
            @DefaultValue("10") int maxAttempts) {
    }
}
