package io.latchkey.authserver.firstparty;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The JSON API's token failures: 401 when no token was given, 403 when the one given is no good. */
final class AuthProblem {

    private AuthProblem() {
    }

    static ErrorResponseException missing(String what) {
        return problem(HttpStatus.UNAUTHORIZED, "Authentication required", "No " + what + " was given");
    }

    static ErrorResponseException invalid(String detail) {
        return problem(HttpStatus.FORBIDDEN, "Invalid token", detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
