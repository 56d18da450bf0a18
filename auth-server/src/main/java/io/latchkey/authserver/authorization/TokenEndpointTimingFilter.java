package io.latchkey.authserver.authorization;

import java.io.IOException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times {@code /oauth2/token} per grant type and outcome ({@code latchkey.token.requests}):
 * Spring's endpoint is a filter, so the MVC request metrics cannot tell its grants apart.
 */
class TokenEndpointTimingFilter extends OncePerRequestFilter {

    private final MeterRegistry meters;

    TokenEndpointTimingFilter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"/oauth2/token".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Timer.Sample sample = Timer.start(this.meters);
        try {
            chain.doFilter(request, response);
        }
        finally {
            String grantType = request.getParameter("grant_type");
            sample.stop(this.meters.timer("latchkey.token.requests",
                    "grant_type", grantType == null ? "none" : grantType.length() > 60 ? "other" : grantType,
                    "status", Integer.toString(response.getStatus())));
        }
    }
}
