package io.latchkey.democlient;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.client.HttpClientErrorException;

/**
 * When Latchkey no longer honours the session (revoked, expired, password changed elsewhere,
 * account deleted), the person is signed out here too and sent home with a clear message,
 * never a stack trace.
 */
@ControllerAdvice
class ExpiredSessionHandler {

    private final SignOut signOut;
    private final DemoClientProperties properties;

    ExpiredSessionHandler(SignOut signOut, DemoClientProperties properties) {
        this.signOut = signOut;
        this.properties = properties;
    }

    @ExceptionHandler({ HttpClientErrorException.Unauthorized.class, ClientAuthorizationException.class })
    String sessionEnded(HttpServletRequest request) {
        this.signOut.locally(request);
        return "redirect:/?expired";
    }

    /** Pages share auth-server's stylesheet and link to its sign-up page. */
    @ModelAttribute("latchkey")
    String latchkey() {
        return this.properties.issuer().toString();
    }
}
