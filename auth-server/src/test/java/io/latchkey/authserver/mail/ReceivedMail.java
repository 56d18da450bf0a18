package io.latchkey.authserver.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import static org.awaitility.Awaitility.await;

/** What the embedded SMTP server received, read back as a person reads it: by recipient, as text. */
public final class ReceivedMail {

    private static final Duration MAIL_ARRIVES = Duration.ofSeconds(10);

    private final EmbeddedMailServer server;

    public ReceivedMail(EmbeddedMailServer server) {
        this.server = server;
    }

    /** The text bodies of the mails to the address, oldest first. */
    public List<String> to(String email) throws Exception {
        List<String> texts = new ArrayList<>();
        for (MimeMessage message : this.server.received()) {
            if (String.join(",", message.getHeader("To")).contains(email)) {
                texts.add(text(message));
            }
        }
        return texts;
    }

    /** The first group of {@code link} in the newest mail to the address, once one has arrived. */
    public String newestLink(String email, Pattern link) {
        return await().atMost(MAIL_ARRIVES).until(() -> {
            List<String> texts = to(email);
            return texts.isEmpty() ? Optional.<String>empty() : find(link, texts.get(texts.size() - 1));
        }, Optional::isPresent).orElseThrow();
    }

    public static Optional<String> find(Pattern link, String text) {
        Matcher matcher = link.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                all.append(text(parts.getBodyPart(i)));
            }
            return all.toString();
        }
        return "";
    }
}
