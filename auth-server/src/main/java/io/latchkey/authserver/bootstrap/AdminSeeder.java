package io.latchkey.authserver.bootstrap;

import java.security.SecureRandom;
import java.util.Base64;

import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.EmailTakenException;
import io.latchkey.store.account.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first admin when configured. An existing admin is left alone, so a
 * password changed through the API is not reset at the next start.
 */
class AdminSeeder {

    private static final Logger log = LoggerFactory.getLogger(AdminSeeder.class);

    private final AccountRepository accounts;

    AdminSeeder(AccountRepository accounts) {
        this.accounts = accounts;
    }

    void seed(String email, String configuredPassword, boolean mayGeneratePassword) {
        if (email == null || email.isBlank() || this.accounts.findByEmail(email).isPresent()) {
            return;
        }
        boolean configured = configuredPassword != null && !configuredPassword.isBlank();
        if (!configured && !mayGeneratePassword) {
            log.warn("latchkey.bootstrap.admin-email is set but no admin password is; no admin was created");
            return;
        }
        String password = configured ? configuredPassword : generatePassword();
        try {
            this.accounts.create(email, "Administrator", password, Role.ADMIN);
        }
        catch (EmailTakenException anotherInstanceWasFaster) {
            return;
        }
        if (configured) {
            log.info("Created admin {}", email);
        }
        else {
            // NOTE: printed once, on creation, and only in the local profile; never logged again.
            System.out.printf("%n  Latchkey admin created: %s / %s%n  (set LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD to choose it)%n%n",
                    email, password);
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
