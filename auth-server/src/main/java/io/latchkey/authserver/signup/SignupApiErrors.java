package io.latchkey.authserver.signup;

import io.latchkey.api.ApiExceptionHandler;

import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The sign-up API's errors as problem details: validation, a taken address, the sign-up limit. */
@RestControllerAdvice(assignableTypes = SignupApiController.class)
class SignupApiErrors extends ApiExceptionHandler {
}
