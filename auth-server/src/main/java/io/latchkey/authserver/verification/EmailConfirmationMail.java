package io.latchkey.authserver.verification;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import io.latchkey.authserver.mail.Mail;
import io.latchkey.authserver.mail.MailKind;
import io.latchkey.authserver.mail.MailTemplates;
import io.latchkey.store.account.Account;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.mail.OutboxMail;

import org.springframework.web.util.UriComponentsBuilder;

/** The confirmation mail, made when it is sent: a fresh link for an unverified account at the address, or nothing. */
class EmailConfirmationMail implements MailKind {

    private final AccountRepository accounts;
    private final EmailConfirmations confirmations;
    private final MailTemplates templates;
    private final URI issuer;
    private final long lifetimeHours;

    EmailConfirmationMail(AccountRepository accounts, EmailConfirmations confirmations, MailTemplates templates, URI issuer,
            long lifetimeHours) {
        this.accounts = accounts;
        this.confirmations = confirmations;
        this.templates = templates;
        this.issuer = issuer;
        this.lifetimeHours = lifetimeHours;
    }

    @Override
    public String kind() {
        return EmailVerifications.MAIL_KIND;
    }

    @Override
    public Optional<Mail> render(OutboxMail mail) {
        Optional<Account> account = this.accounts.findByEmail(mail.recipient())
                .filter(Account::enabled)
                .filter(found -> !found.emailVerified());
        if (account.isEmpty()) {
            return Optional.empty();
        }
        String link = UriComponentsBuilder.fromUri(this.issuer).path("/verify-email")
                .queryParam("token", this.confirmations.issue(account.get().id(), account.get().email(),
                        EmailConfirmations.Purpose.VERIFY)).build().toUriString();
        return Optional.of(this.templates.render("email-confirmation", account.get().email(), "Confirm your email for Latchkey",
                Map.of("name", account.get().name(), "link", link, "hours", this.lifetimeHours)));
    }
}
