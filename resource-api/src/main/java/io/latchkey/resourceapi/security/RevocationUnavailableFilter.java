package io.latchkey.resourceapi.security;

import java.io.IOException;

import io.latchkey.store.revocation.RevocationUnavailableException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fails closed: when the revocation check cannot be made, the request gets 503
 * problem+json with {@code Retry-After} instead of a 500 or, worse, an answer.
 */
class RevocationUnavailableFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    private final ProblemWriter problems;

    RevocationUnavailableFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (RevocationUnavailableException unavailable) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "Tokens cannot be checked for revocation right now. Try again shortly.");
            problem.setTitle("Service Unavailable");
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            this.problems.write(response, problem);
        }
    }
}
