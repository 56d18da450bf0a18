package io.latchkey.resourceapi.account;

import io.latchkey.api.ApiExceptionHandler;

import org.springframework.web.bind.annotation.RestControllerAdvice;

/** resource-api is all JSON API: every error, unknown routes included, is a problem. */
@RestControllerAdvice
class AccountApiErrors extends ApiExceptionHandler {
}
