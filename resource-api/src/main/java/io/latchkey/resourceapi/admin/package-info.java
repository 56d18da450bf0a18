/** Administration of all accounts, for role {@code admin}. */
package io.latchkey.resourceapi.admin;
