package io.latchkey.authserver.verification;

import io.latchkey.api.ApiExceptionHandler;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The verification API's errors as problem details: validation, the request limits, a bad link. */
@RestControllerAdvice(assignableTypes = EmailVerificationApiController.class)
class EmailVerificationApiErrors extends ApiExceptionHandler {

    @ExceptionHandler(InvalidConfirmationLinkException.class)
    ResponseEntity<ProblemDetail> invalidLink(InvalidConfirmationLinkException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid confirmation link");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
