/** The audit trail in PostgreSQL: security-relevant events, never secrets or tokens. */
package io.latchkey.store.audit;
