package io.latchkey.authserver.mail;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every mail in Latchkey's frame, in HTML and text; what it inserts is escaped in the HTML. */
class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void aMailHasItsHeadingLinkAndNameInBothBodiesAndEscapesWhatItInsertsInHtml() {
        Mail mail = this.templates.render("password-reset", "ada@example.com", "Reset your Latchkey password",
                Map.of("name", "Ada <script>alert(1)</script>", "link", "https://id.example.com/reset-password?token=abc&x=1",
                        "minutes", 30L));

        assertThat(mail.to()).isEqualTo("ada@example.com");
        assertThat(mail.subject()).isEqualTo("Reset your Latchkey password");
        assertThat(mail.html()).contains("<title>Reset your Latchkey password</title>", ">Latchkey<", ">Reset your password<",
                "href=\"https://id.example.com/reset-password?token=abc&amp;x=1\"", "Ada &lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(mail.text()).contains("Hello Ada <script>alert(1)</script>,", "https://id.example.com/reset-password?token=abc&x=1",
                "within 30 minutes");
    }

    @Test
    void everyKindOfMailRenders() {
        Map<String, Object> variables = Map.of("name", "Ada", "link", "https://id.example.com/l", "minutes", 30L, "hours", 48L,
                "reset", "https://id.example.com/forgot-password", "login", "https://id.example.com/login");
        for (String template : new String[] { "password-reset", "email-confirmation", "email-change", "email-change-notice",
                "signup-attempt" }) {
            Mail mail = this.templates.render(template, "ada@example.com", "Subject", variables);
            assertThat(mail.html()).as(template).contains(">Latchkey<", "Hello <span>Ada</span>");
            assertThat(mail.text()).as(template).startsWith("Hello Ada,");
        }
    }
}
