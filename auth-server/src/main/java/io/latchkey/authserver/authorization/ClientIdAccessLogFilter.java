package io.latchkey.authserver.authorization;

import java.io.IOException;

import io.latchkey.accesslog.AccessLogFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/** Tells the access log which client called a protocol endpoint, once client authentication has run. */
class ClientIdAccessLogFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        finally {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            if (caller instanceof OAuth2ClientAuthenticationToken client && client.getRegisteredClient() != null) {
                AccessLogFilter.recordClientId(request, client.getRegisteredClient().getClientId());
            }
        }
    }
}
