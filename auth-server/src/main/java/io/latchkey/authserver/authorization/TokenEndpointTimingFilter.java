package io.latchkey.authserver.authorization;

import java.io.IOException;
import java.util.Set;

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

    /** Tags only name these; anything a caller makes up is "other", so callers cannot multiply the series. */
    private static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token", "client_credentials",
            "password");

    private final MeterRegistry meters;

    TokenEndpointTimingFilter(MeterRegistry meters) {
        this.meters = meters;
    }

    private static String knownGrantType(String grantType) {
        if (grantType == null) {
            return "none";
        }
        return GRANT_TYPES.contains(grantType) ? grantType : "other";
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
            sample.stop(this.meters.timer("latchkey.token.requests",
                    "grant_type", knownGrantType(request.getParameter("grant_type")),
                    "status", Integer.toString(response.getStatus())));
        }
    }
}
