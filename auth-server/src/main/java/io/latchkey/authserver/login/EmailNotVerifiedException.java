package io.latchkey.authserver.login;

import org.springframework.security.authentication.AccountStatusException;

/**
 * The password was right, but the account's email is not confirmed and
 * {@code latchkey.accounts.require-verified-email} is on. Thrown only after the password
 * matched, so it tells nothing to someone who does not know it.
 */
public class EmailNotVerifiedException extends AccountStatusException {

    public static final String DETAIL = "The email address of this account is not confirmed yet. Follow the link in the "
            + "confirmation mail, or ask for a new one (POST /api/auth/verify-email/resend).";

    public EmailNotVerifiedException() {
        super(DETAIL);
    }
}
