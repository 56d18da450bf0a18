/**
 * Registered clients as the token endpoints see them: how their secrets are hashed and
 * checked, and how registrations are cached between requests.
 */
package io.latchkey.authserver.client;
