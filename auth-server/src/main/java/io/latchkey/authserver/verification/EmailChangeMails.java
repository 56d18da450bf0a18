package io.latchkey.authserver.verification;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import io.latchkey.authserver.mail.Mail;
import io.latchkey.authserver.mail.MailKind;
import io.latchkey.authserver.mail.MailTemplates;
import io.latchkey.store.account.Account;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.mail.EmailChanges;
import io.latchkey.store.mail.OutboxMail;

import org.springframework.web.util.UriComponentsBuilder;

/** The two mails of an email change: a link to the new address, a notice to the old one. */
final class EmailChangeMails {

    private EmailChangeMails() {
    }

    /** To the new address: following the link moves the account to it. */
    static MailKind confirmation(AccountRepository accounts, EmailConfirmations confirmations, MailTemplates templates, URI issuer,
            long lifetimeHours) {
        return new Kind(EmailChanges.CONFIRMATION, accounts, (account, mail) -> {
            String link = UriComponentsBuilder.fromUri(issuer).path("/verify-email")
                    .queryParam("token", confirmations.issue(account.id(), mail.recipient(), EmailConfirmations.Purpose.CHANGE))
                    .build().toUriString();
            return templates.render("email-change", mail.recipient(), "Confirm your new email for Latchkey",
                    Map.of("name", account.name(), "link", link, "hours", lifetimeHours));
        });
    }

    /** To the old address: who did not ask can act (the new address is not named). */
    static MailKind notice(AccountRepository accounts, MailTemplates templates, URI issuer) {
        return new Kind(EmailChanges.NOTICE, accounts, (account, mail) -> templates.render("email-change-notice",
                mail.recipient(), "Your Latchkey email is about to change", Map.of("name", account.name(),
                        "reset", UriComponentsBuilder.fromUri(issuer).path("/forgot-password").build().toUriString())));
    }

    private interface Render {
        Mail render(Account account, OutboxMail mail);
    }

    private record Kind(String kind, AccountRepository accounts, Render render) implements MailKind {
        @Override
        public Optional<Mail> render(OutboxMail mail) {
            return mail.account() == null ? Optional.empty()
                    : this.accounts.findById(mail.account()).filter(Account::enabled).map(account -> this.render.render(account, mail));
        }
    }
}
