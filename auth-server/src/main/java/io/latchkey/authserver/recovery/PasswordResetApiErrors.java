package io.latchkey.authserver.recovery;

import io.latchkey.api.ApiExceptionHandler;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The reset API's errors as problem details: validation, the request limits, a bad link. */
@RestControllerAdvice(assignableTypes = PasswordResetApiController.class)
class PasswordResetApiErrors extends ApiExceptionHandler {

    @ExceptionHandler(InvalidResetLinkException.class)
    ResponseEntity<ProblemDetail> invalidLink(InvalidResetLinkException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid reset link");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
