/**
 * Brute-force limits on password checks: per account and per client address, counted in
 * Redis (Bucket4j) so that every instance of every app shares one budget.
 */
package io.latchkey.store.throttle;
