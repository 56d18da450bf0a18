/**
 * Changes to shared, read-mostly data (denials, clients, profiles) announced to every
 * instance through Redis pub/sub, numbered so that an instance knows when it missed one.
 */
package io.latchkey.store.change;
