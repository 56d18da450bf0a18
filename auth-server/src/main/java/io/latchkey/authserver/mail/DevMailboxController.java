package io.latchkey.authserver.mail;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /dev/mailbox}, in the local profile only: what the embedded SMTP server received,
 * newest first, with the links in each mail, so a newcomer can follow a reset link without a
 * mail client. It shows mail that holds live links, hence never outside the local profile.
 */
@Controller
@Profile(MailConfiguration.LOCAL_PROFILE)
class DevMailboxController {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final ObjectProvider<EmbeddedMailServer> server;

    DevMailboxController(ObjectProvider<EmbeddedMailServer> server) {
        this.server = server;
    }

    @GetMapping("/dev/mailbox")
    String mailbox(Model model) throws MessagingException, IOException {
        EmbeddedMailServer embedded = this.server.getIfAvailable();
        if (embedded == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No embedded mail server: mail goes to spring.mail.host");
        }
        List<Message> messages = new ArrayList<>();
        for (MimeMessage message : embedded.received()) {
            messages.add(0, Message.of(message));
        }
        model.addAttribute("messages", messages);
        return "dev-mailbox";
    }

    record Message(String to, String subject, Instant sent, String text, List<String> links) {

        static Message of(MimeMessage message) throws MessagingException, IOException {
            String text = text(message);
            List<String> links = new ArrayList<>();
            Matcher matcher = LINK.matcher(text);
            while (matcher.find()) {
                links.add(matcher.group());
            }
            return new Message(String.join(", ", message.getHeader("To") == null ? new String[0] : message.getHeader("To")),
                    message.getSubject(), message.getSentDate() == null ? null : message.getSentDate().toInstant(), text, links);
        }

        private static String text(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/plain")) {
                return part.getContent().toString();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart parts = (Multipart) part.getContent();
                for (int i = 0; i < parts.getCount(); i++) {
                    String text = text(parts.getBodyPart(i));
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        }
    }
}
