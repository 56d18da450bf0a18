package io.latchkey.authserver.web;

import java.io.IOException;
import java.time.Instant;

import io.latchkey.store.revocation.RevocationStore;
import io.latchkey.store.revocation.RevocationUnavailableException;
import io.latchkey.store.revocation.TokenFacts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session that began before its user was signed out everywhere (password
 * change, account deletion, an admin's "log out everywhere"): the same user-wide denial
 * that stops the user's tokens, applied to the session's creation time. The person is
 * then simply signed out and asked to sign in again.
 */
class RevokedSessionFilter extends OncePerRequestFilter {

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

    private boolean isRevoked(HttpSession session, Authentication user) {
        try {
            return this.revocations.isDenied(new TokenFacts(null, null, user.getName(),
                    Instant.ofEpochMilli(session.getCreationTime())));
        }
        catch (RevocationUnavailableException unavailable) {
            // CAUTION: fail closed here too: without the check, treat the session as ended.
            return true;
        }
    }
}
