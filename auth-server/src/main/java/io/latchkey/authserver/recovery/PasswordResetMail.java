package io.latchkey.authserver.recovery;

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

/**
 * The reset mail, made when it is sent: a fresh single-use link for the account that uses the
 * address, or no mail at all when none does (or it is disabled).
 */
class PasswordResetMail implements MailKind {

    private final AccountRepository accounts;
    private final ResetLinks links;
    private final MailTemplates templates;
    private final URI issuer;

    PasswordResetMail(AccountRepository accounts, ResetLinks links, MailTemplates templates, URI issuer) {
        this.accounts = accounts;
        this.links = links;
        this.templates = templates;
        this.issuer = issuer;
    }

    @Override
    public String kind() {
        return PasswordResets.MAIL_KIND;
    }

    @Override
    public Optional<Mail> render(OutboxMail mail) {
        Optional<Account> account = this.accounts.findByEmail(mail.recipient()).filter(Account::enabled);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        String link = UriComponentsBuilder.fromUri(this.issuer).path("/reset-password")
                .queryParam("token", this.links.issue(account.get().id())).build().toUriString();
        return Optional.of(this.templates.render("password-reset", account.get().email(), "Reset your Latchkey password",
                Map.of("name", account.get().name(), "link", link, "minutes", this.links.lifetime().toMinutes())));
    }
}
