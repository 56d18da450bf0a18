/**
 * A user's grants (Spring's {@code oauth2_authorization} rows) as the account sees them:
 * its sessions, listed and ended by the user or an admin.
 */
package io.latchkey.store.grant;
