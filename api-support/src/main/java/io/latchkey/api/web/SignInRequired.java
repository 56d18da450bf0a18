package io.latchkey.api.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** What an API client gets where a browser would be sent to sign in: 401 problem+json. */
public final class SignInRequired implements AuthenticationEntryPoint {

    private final ProblemWriter problems;

    public SignInRequired(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        this.problems.write(response, ProblemWriter.problem(HttpStatus.UNAUTHORIZED,
                "This needs a signed-in browser session; API clients use a bearer access token."));
    }
}
