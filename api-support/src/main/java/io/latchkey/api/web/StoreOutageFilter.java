package io.latchkey.api.web;

import java.io.IOException;

import io.latchkey.store.StoreOutage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A PostgreSQL outage anywhere in a request (security filters, protocol endpoints, pages)
 * answers 503 with {@code Retry-After}: an OAuth error body ({@code temporarily_unavailable})
 * at the protocol endpoints, problem+json elsewhere. The JSON APIs' own handlers answer the
 * same before it gets here. One WARN line, no stack trace: an outage is not a bug.
 */
public final class StoreOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StoreOutageFilter.class);

    private final ProblemWriter problems;

    public StoreOutageFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (IOException | ServletException | RuntimeException failure) {
            if (!StoreOutage.isOutage(failure) || response.isCommitted()) {
                throw failure;
            }
            log.warn("{} {} answered 503: {}", request.getMethod(), request.getRequestURI(),
                    NestedExceptionUtils.getMostSpecificCause(failure).toString());
            response.resetBuffer();
            if (isProtocolEndpoint(request)) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(StoreOutage.RETRY_AFTER.toSeconds()));
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write("{\"error\":\"temporarily_unavailable\",\"error_description\":\""
                        + StoreOutage.DETAIL + "\"}");
            }
            else {
                this.problems.writeUnavailable(response, StoreOutage.DETAIL, StoreOutage.RETRY_AFTER);
            }
        }
    }

    private static boolean isProtocolEndpoint(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/oauth2/") || path.equals("/userinfo") || path.startsWith("/connect/");
    }
}
