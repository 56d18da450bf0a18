package io.latchkey.authserver.firstparty;

import io.latchkey.api.ApiExceptionHandler;
import io.latchkey.authserver.password.EmailNotVerifiedGrantException;
import io.latchkey.authserver.protocol.RetryLaterException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The JSON auth API's errors as problem details; the sign-in failure says the same whatever was wrong. */
@RestControllerAdvice(assignableTypes = FirstPartyAuthController.class)
class FirstPartyApiErrors extends ApiExceptionHandler {

    static final String INVALID_CREDENTIALS = "Invalid email or password";

    @ExceptionHandler(RetryLaterException.class)
    ResponseEntity<ProblemDetail> retryLater(RetryLaterException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getError().getDescription());
        problem.setTitle(ex.status() == HttpStatus.TOO_MANY_REQUESTS ? "Too many attempts" : "Temporarily unavailable");
        return ResponseEntity.status(ex.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
                .body(problem);
    }

    /** The password was right: saying why is safe, and lets the app offer a new confirmation link. */
    @ExceptionHandler(EmailNotVerifiedGrantException.class)
    ResponseEntity<ProblemDetail> emailNotVerified(EmailNotVerifiedGrantException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getError().getDescription());
        problem.setTitle("Email not verified");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(OAuth2AuthenticationException.class)
    ResponseEntity<ProblemDetail> signInRefused(OAuth2AuthenticationException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, INVALID_CREDENTIALS);
        problem.setTitle("Sign-in failed");
        return ResponseEntity.badRequest().body(problem);
    }
}
