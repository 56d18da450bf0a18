/**
 * The mail outbox: mail to send, written durably by whatever causes it (a password reset, a
 * sign-up) and sent off the request thread by auth-server, retried until it goes or is given up.
 */
package io.latchkey.store.mail;
