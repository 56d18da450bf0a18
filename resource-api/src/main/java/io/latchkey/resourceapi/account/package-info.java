/** The signed-in user's own account: profile, password, sessions, deletion. */
package io.latchkey.resourceapi.account;
