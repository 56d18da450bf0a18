/** The access log every Latchkey app writes: one line per request, never a token, password or query string. */
package io.latchkey.accesslog;
