package io.latchkey.authserver.password;

import io.latchkey.authserver.login.EmailNotVerifiedException;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * The password grant's answer for a right password of an unconfirmed account: {@code invalid_grant}
 * (RFC 6749 defines no other code for it) saying why; the JSON API answers 403.
 */
public class EmailNotVerifiedGrantException extends OAuth2AuthenticationException {

    public EmailNotVerifiedGrantException() {
        super(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, EmailNotVerifiedException.DETAIL, null));
    }
}
