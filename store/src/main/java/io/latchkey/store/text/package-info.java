/**
 * Rules about text itself that both the store and the JSON APIs apply, such as which
 * strings are valid Unicode and can therefore be stored and hashed as given.
 */
package io.latchkey.store.text;
