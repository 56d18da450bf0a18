package io.latchkey.api;

import java.util.List;
import java.util.Map;

import io.latchkey.store.StoreOutage;
import io.latchkey.api.web.WellFormedText;
import io.latchkey.store.account.EmailTakenException;
import io.latchkey.store.account.LastAdminException;
import io.latchkey.store.throttle.ThrottleUnavailable;
import io.latchkey.store.throttle.Throttled;
import jakarta.validation.ConstraintViolationException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as {@code application/problem+json} with {@code title}, {@code status},
 * {@code detail}, and for validation {@code errors: [{field, message}]}. Spring's own
 * exceptions (404 for unknown routes, 405, 415, malformed JSON) get the same shape.
 * Each application declares a {@code @RestControllerAdvice} subclass scoped to its APIs.
 */
public abstract class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (BodySizeLimitFilter.isTooLarge(ex)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(BodySizeLimitFilter.tooLarge());
        }
        if (ex.getCause() instanceof WellFormedText.UnpairedSurrogateException unpaired) {
            return ResponseEntity.badRequest().body(validationProblem(List.of(Map.of("field", unpaired.field(),
                    "message", "must be valid Unicode text (it has an unpaired surrogate)"))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON for this endpoint");
        problem.setTitle("Malformed request body");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(violation -> Map.of("field", leaf(violation.getPropertyPath().toString()), "message", violation.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @ExceptionHandler(FieldProblem.class)
    public ResponseEntity<ProblemDetail> fieldProblem(FieldProblem ex) {
        return ResponseEntity.badRequest().body(validationProblem(List.of(Map.of("field", ex.field(), "message", ex.getMessage()))));
    }

    @ExceptionHandler(EmailTakenException.class)
    public ResponseEntity<ProblemDetail> emailTaken(EmailTakenException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Email already in use");
        problem.setProperty("errors", List.of(Map.of("field", "email", "message", "is already in use")));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(LastAdminException.class)
    public ResponseEntity<ProblemDetail> lastAdmin(LastAdminException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Last admin");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(Throttled.class)
    public ResponseEntity<ProblemDetail> throttled(Throttled ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
        problem.setTitle("Too many attempts");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
                .body(problem);
    }

    @ExceptionHandler(ThrottleUnavailable.class)
    public ResponseEntity<ProblemDetail> throttleUnavailable(ThrottleUnavailable ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                ex.getMessage());
        problem.setTitle("Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ThrottleUnavailable.RETRY_AFTER.toSeconds()))
                .body(problem);
    }

    /** PostgreSQL cannot be reached (see {@link StoreOutage}): 503, not 500. */
    @ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessResourceException.class, QueryTimeoutException.class })
    public ResponseEntity<ProblemDetail> storeOutage(RuntimeException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, StoreOutage.DETAIL);
        problem.setTitle("Service Unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(StoreOutage.RETRY_AFTER.toSeconds()))
                .body(problem);
    }

    protected static ProblemDetail validationProblem(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are not valid");
        problem.setTitle("Validation failed");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
