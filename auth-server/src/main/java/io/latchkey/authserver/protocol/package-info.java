/**
 * What every feature shares at the protocol endpoints, below all of them: the extension
 * point a feature adds itself to the endpoints' chain with, and "retry later" OAuth errors
 * (429 or 503 with {@code Retry-After}) with the handler that answers them.
 */
package io.latchkey.authserver.protocol;
