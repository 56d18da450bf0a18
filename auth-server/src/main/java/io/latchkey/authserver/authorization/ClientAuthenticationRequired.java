package io.latchkey.authserver.authorization;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A client endpoint (token, introspection, revocation, pushed authorization) called with no
 * client credentials, or with wrong ones: 401 {@code invalid_client} with a
 * {@code WWW-Authenticate} challenge for HTTP Basic, the method every confidential client
 * supports (RFC 6749 5.2, RFC 7662 2.1). Any other client authentication error (a malformed
 * request) is a 400 with its OAuth error, as Spring answers it.
 */
final class ClientAuthenticationRequired implements AuthenticationEntryPoint, AuthenticationFailureHandler {

    private static final OAuth2Error NO_CLIENT = new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
            "Client authentication is required", null);

    private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();
    private final String challenge;

    ClientAuthenticationRequired(String realm) {
        this.challenge = "Basic realm=\"" + realm + "\"";
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        write(response, NO_CLIENT);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException refused) throws IOException {
        SecurityContextHolder.clearContext();
        write(response, refused instanceof OAuth2AuthenticationException oauth ? oauth.getError()
                : new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT));
    }

    private void write(HttpServletResponse response, OAuth2Error error) throws IOException {
        ServletServerHttpResponse http = new ServletServerHttpResponse(response);
        if (OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())) {
            http.setStatusCode(HttpStatus.UNAUTHORIZED);
            http.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, this.challenge);
        }
        else {
            http.setStatusCode(HttpStatus.BAD_REQUEST);
        }
        this.errors.write(error, null, http);
    }
}
