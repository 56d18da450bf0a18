/**
 * Ending grants: one grant, or everything a user holds, the same way from either server.
 */
package io.latchkey.store.termination;
