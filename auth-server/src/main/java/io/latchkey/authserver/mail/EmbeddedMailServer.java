package io.latchkey.authserver.mail;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server on 127.0.0.1 (GreenMail), the mail counterpart of the embedded PostgreSQL
 * and Redis: what it receives stays in its memory, for the dev mailbox page and for tests.
 */
public final class EmbeddedMailServer implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private volatile int port;
    private volatile GreenMail server;

    private EmbeddedMailServer(int port) {
        this.port = port;
    }

    /** @param port 0 picks a free port */
    public static EmbeddedMailServer start(int port) {
        EmbeddedMailServer mail = new EmbeddedMailServer(port);
        mail.restart();
        return mail;
    }

    /**
     * Starts it again after {@link #close}, on the same port and with an empty mailbox (for
     * tests of a mail outage).
     */
    public synchronized void restart() {
        if (this.server != null) {
            return;
        }
        ServerSetup setup = new ServerSetup(this.port, LOOPBACK, ServerSetup.PROTOCOL_SMTP);
        GreenMail started = new GreenMail(this.port == 0 ? setup.dynamicPort() : setup);
        started.start();
        this.port = started.getSmtp().getPort();
        this.server = started;
    }

    public int port() {
        return this.port;
    }

    /** Every message received since it (last) started, oldest first. */
    public List<MimeMessage> received() {
        GreenMail current = this.server;
        return current == null ? List.of() : Arrays.asList(current.getReceivedMessages());
    }

    @Override
    public synchronized void close() {
        if (this.server != null) {
            this.server.stop();
            this.server = null;
        }
    }
}
