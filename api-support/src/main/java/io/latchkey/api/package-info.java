/**
 * What every Latchkey JSON API shares: errors as RFC 9457 problem details (with
 * {@code errors: [{field, message}]} for validation) and a 10 KB request body limit.
 */
package io.latchkey.api;
