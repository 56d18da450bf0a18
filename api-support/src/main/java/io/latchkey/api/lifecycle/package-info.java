/** How a Latchkey server stops: within a bound, whatever its stores do. */
package io.latchkey.api.lifecycle;
