package io.latchkey.resourceapi.security;

import java.io.IOException;

import io.latchkey.api.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * RFC 6750's refusals with an RFC 9457 body. Spring's entry point and access-denied handler
 * set the status and the {@code WWW-Authenticate} challenge, as before; this adds the
 * problem a JSON client reads. It never repeats the token or why its parsing failed.
 */
final class BearerTokenProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler insufficientScope = new BearerTokenAccessDeniedHandler();
    private final ProblemWriter problems;

    BearerTokenProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        this.challenge.commence(request, response, refused);
        this.problems.write(response, ProblemWriter.problem(HttpStatus.UNAUTHORIZED, refused instanceof OAuth2AuthenticationException
                ? "The access token is invalid, expired or revoked."
                : "This needs a bearer access token."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        this.insufficientScope.handle(request, response, denied);
        this.problems.write(response, ProblemWriter.problem(HttpStatus.FORBIDDEN, "The access token lacks the scope or role this needs."));
    }
}
