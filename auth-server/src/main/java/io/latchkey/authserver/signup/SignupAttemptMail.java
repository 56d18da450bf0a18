package io.latchkey.authserver.signup;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import io.latchkey.authserver.mail.Mail;
import io.latchkey.authserver.mail.MailKind;
import io.latchkey.authserver.mail.MailTemplates;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.mail.OutboxMail;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * With {@code latchkey.accounts.hide-existing}, a sign-up with a taken address answers as for a
 * new one; this mail tells the address's owner instead, and how to get back in.
 */
class SignupAttemptMail implements MailKind {

    static final String KIND = "signup-attempt";

    private final AccountRepository accounts;
    private final MailTemplates templates;
    private final URI issuer;

    SignupAttemptMail(AccountRepository accounts, MailTemplates templates, URI issuer) {
        this.accounts = accounts;
        this.templates = templates;
        this.issuer = issuer;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<Mail> render(OutboxMail mail) {
        return this.accounts.findByEmail(mail.recipient()).map(account -> this.templates.render("signup-attempt",
                account.email(), "Someone tried to sign up with your email", Map.of("name", account.name(),
                        "login", UriComponentsBuilder.fromUri(this.issuer).path("/login").build().toUriString(),
                        "reset", UriComponentsBuilder.fromUri(this.issuer).path("/forgot-password").build().toUriString())));
    }
}
