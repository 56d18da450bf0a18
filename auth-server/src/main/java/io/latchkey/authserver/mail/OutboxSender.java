package io.latchkey.authserver.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.latchkey.store.mail.MailOutbox;
import io.latchkey.store.mail.OutboxMail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends the outbox off the request thread, on a thread of its own (a slow SMTP server holds up
 * no other scheduled job): every {@code poll-interval} it takes the due mails, makes each with
 * its {@link MailKind} and sends it. A failed attempt is logged (the row's id and kind, never its
 * recipient or body), counted ({@code latchkey.mail.failures}) and retried after a wait that
 * doubles, up to {@code max-attempts}; then the mail is given up and stays in the table, marked.
 */
public class OutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final MailOutbox outbox;
    private final JavaMailSender sender;
    private final MailProperties properties;
    private final Map<String, MailKind> kinds;
    private final MeterRegistry meters;
    private final Clock clock;
    private volatile ScheduledExecutorService worker;

    public OutboxSender(MailOutbox outbox, JavaMailSender sender, MailProperties properties, List<MailKind> kinds,
            MeterRegistry meters, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(MailKind::kind, Function.identity()));
        this.meters = meters;
        this.clock = clock;
    }

    /** Sends what is due now; the worker calls it every {@code poll-interval}. */
    public void sendDue() {
        MailProperties.Sending sending = this.properties.sending();
        List<OutboxMail> due;
        try {
            due = this.outbox.claimDue(sending.batchSize(), sending.lease());
        }
        catch (DataAccessException storeDown) {
            log.debug("The mail outbox cannot be read right now", storeDown);
            return;
        }
        for (OutboxMail mail : due) {
            send(mail);
        }
    }

    private void send(OutboxMail mail) {
        MailKind kind = this.kinds.get(mail.kind());
        if (kind == null) {
            giveUp(mail, "no mail of kind " + mail.kind());
            return;
        }
        try {
            Optional<Mail> made = kind.render(mail);
            if (made.isEmpty()) {
                this.outbox.discard(mail.id());
                counter("latchkey.mail.skipped", mail.kind()).increment();
                return;
            }
            this.sender.send(message(made.get()));
            this.outbox.sent(mail.id());
            counter("latchkey.mail.sent", mail.kind()).increment();
        }
        catch (RuntimeException | MessagingException failed) {
            String why = failed.getClass().getSimpleName() + ": " + NestedExceptionUtils.getMostSpecificCause(failed).getMessage();
            if (mail.attempts() >= this.properties.sending().maxAttempts()) {
                giveUp(mail, why);
                return;
            }
            Duration wait = retryAfter(mail.attempts());
            log.warn("Mail {} ({}) not sent, attempt {}; retrying in {}: {}", mail.id(), mail.kind(), mail.attempts(), wait, why);
            this.meters.counter("latchkey.mail.failures", "kind", mail.kind(), "outcome", "retry").increment();
            try {
                this.outbox.retryAt(mail.id(), this.clock.instant().plus(wait), why);
            }
            catch (DataAccessException storeDown) {
                log.debug("Mail {}: its retry is left to its lease", mail.id(), storeDown);
            }
        }
    }

    private void giveUp(OutboxMail mail, String why) {
        log.error("Mail {} ({}) given up after {} attempts: {}", mail.id(), mail.kind(), mail.attempts(), why);
        this.meters.counter("latchkey.mail.failures", "kind", mail.kind(), "outcome", "given_up").increment();
        this.outbox.giveUp(mail.id(), why);
    }

    /** The first retry waits {@code first-retry}, each after it twice as long, at most {@code longest-retry}. */
    Duration retryAfter(int attempts) {
        MailProperties.Sending sending = this.properties.sending();
        Duration wait = sending.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(sending.longestRetry()) > 0 ? sending.longestRetry() : wait;
    }

    private MimeMessage message(Mail mail) throws MessagingException {
        MimeMessage message = this.sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(this.properties.from());
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        return message;
    }

    private Counter counter(String name, String kind) {
        return this.meters.counter(name, "kind", kind);
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("latchkey-mail").daemon().factory());
        long interval = this.properties.sending().pollInterval().toMillis();
        started.scheduleWithFixedDelay(this::sendDueLogged, interval, interval, TimeUnit.MILLISECONDS);
        this.worker = started;
    }

    private void sendDueLogged() {
        try {
            sendDue();
        }
        catch (RuntimeException unexpected) {
            log.warn("Sending the mail outbox failed: {}", unexpected.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = this.worker;
        this.worker = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return this.worker != null;
    }
}
