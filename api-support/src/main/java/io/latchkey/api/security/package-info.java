/**
 * Security rules both servers share: the endpoints open without credentials, and Spring
 * Security without per-filter observations.
 */
package io.latchkey.api.security;
