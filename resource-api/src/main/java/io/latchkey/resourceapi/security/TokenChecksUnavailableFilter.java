package io.latchkey.resourceapi.security;

import java.io.IOException;
import java.time.Duration;

import io.latchkey.api.web.ProblemWriter;
import io.latchkey.store.revocation.RevocationUnavailableException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fails closed: when a token cannot be checked, because Redis cannot say whether it was
 * revoked or auth-server's keys cannot be fetched, the request gets 503 problem+json with
 * {@code Retry-After} instead of a 500 or, worse, an answer. A token that is invalid by its
 * own making never gets here: that is a 401.
 */
class TokenChecksUnavailableFilter extends OncePerRequestFilter {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(TokenChecksUnavailableFilter.class);

    private final ProblemWriter problems;

    TokenChecksUnavailableFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (RevocationUnavailableException unavailable) {
            unavailable(response, "Tokens cannot be checked for revocation right now. Try again shortly.");
        }
        catch (AuthenticationServiceException keysUnavailable) {
            log.warn("A bearer token could not be verified: {}", keysUnavailable.toString());
            unavailable(response, "Tokens cannot be verified right now. Try again shortly.");
        }
    }

    private void unavailable(HttpServletResponse response, String detail) throws IOException {
        this.problems.writeUnavailable(response, detail, RETRY_AFTER);
    }
}
