/**
 * Cross-origin access (CORS) for browser apps that are OAuth public clients, such as
 * the local profile's {@code demo-spa}: only from configured origins, only on the endpoints such an app
 * calls, never with cookies.
 */
package io.latchkey.api.cors;
