package io.latchkey.accesslog;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs {@code method path status duration_ms [client_id]} for each request, as key-values
 * too, so Spring Boot's structured logging (JSON) gets them as fields. The path is logged
 * without its query string, which may hold authorization codes or state.
 */
public class AccessLogFilter extends OncePerRequestFilter {

    /** Request attribute an app sets once it knows which OAuth client is calling. */
    public static final String CLIENT_ID_ATTRIBUTE = AccessLogFilter.class.getName() + ".client_id";

    private static final Logger log = LoggerFactory.getLogger("latchkey.access");

    /** Notes the calling client for this request's access log line. */
    public static void recordClientId(ServletRequest request, String clientId) {
        if (clientId != null) {
            request.setAttribute(CLIENT_ID_ATTRIBUTE, clientId);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        }
        finally {
            if (log.isInfoEnabled()) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                Object clientId = request.getAttribute(CLIENT_ID_ATTRIBUTE);
                log.atInfo()
                        .addKeyValue("method", request.getMethod())
                        .addKeyValue("path", request.getRequestURI())
                        .addKeyValue("status", response.getStatus())
                        .addKeyValue("duration_ms", millis)
                        .addKeyValue("client_id", clientId)
                        .log("{} {} {} {}ms{}", request.getMethod(), request.getRequestURI(), response.getStatus(), millis,
                                clientId == null ? "" : " client_id=" + clientId);
            }
        }
    }
}
