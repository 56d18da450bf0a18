package io.latchkey.authserver.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import io.latchkey.store.revocation.RevocationStore;
import io.latchkey.store.revocation.RevocationUnavailableException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session that signed in before its user was signed out everywhere (password
 * change, account deletion, an admin's "log out everywhere"): the same user-wide denial
 * that stops the user's tokens, applied to the instant the session signed in
 * ({@link #recordSignIn()}), or to its creation for a session from before that was recorded.
 * The person is then simply signed out and asked to sign in again. NOTE: not the creation
 * time alone: a session begun before the denial (the sign-in page left open) that signs in
 * after it keeps its creation time, and would be ended right after a good sign-in.
 */
class RevokedSessionFilter extends OncePerRequestFilter {

    private static final String SIGNED_IN_AT = RevokedSessionFilter.class.getName() + ".signedInAt";
    private static final String SIGN_IN_BEGAN = RevokedSessionFilter.class.getName() + ".signInBegan";

    private final RevocationStore revocations;

    RevokedSessionFilter(RevocationStore revocations) {
        this.revocations = revocations;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && user instanceof UsernamePasswordAuthenticationToken && isRevoked(session, user)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    /**
     * The sign-in form's details source (Spring's {@link WebAuthenticationDetails}), which also
     * notes in the request when the sign-in began: before the password is read, since a sign-out
     * everywhere after that instant may have replaced the password this sign-in checks.
     * NOTE: in the request, not in the details: the details are stored with each grant as JSON,
     * through Spring's allow-list of types.
     */
    static AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> noteSignInBegan(Clock clock) {
        return request -> {
            request.setAttribute(SIGN_IN_BEGAN, clock.instant());
            return new WebAuthenticationDetails(request);
        };
    }

    /**
     * Notes in the session when it signed in: when the sign-in began ({@link #noteSignInBegan}),
     * so the session is judged from then. Run on every sign-in, after the session id changed.
     */
    static SessionAuthenticationStrategy recordSignIn(Clock clock) {
        return (authentication, request, response) -> {
            Instant began = request.getAttribute(SIGN_IN_BEGAN) instanceof Instant noted ? noted : clock.instant();
            request.getSession().setAttribute(SIGNED_IN_AT, began.toEpochMilli());
        };
    }

    /** When the session signed in ({@link #recordSignIn}); its creation, for a session from before that was recorded. */
    static Instant signedInAt(HttpSession session) {
        return Instant.ofEpochMilli(session.getAttribute(SIGNED_IN_AT) instanceof Long millis ? millis : session.getCreationTime());
    }

    private boolean isRevoked(HttpSession session, Authentication user) {
        try {
            return this.revocations.signedOutSince(user.getName(), signedInAt(session));
        }
        catch (RevocationUnavailableException unavailable) {
            // CAUTION: fail closed here too: without the check, treat the session as ended.
            return true;
        }
    }
}
