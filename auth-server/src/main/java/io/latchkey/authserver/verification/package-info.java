/**
 * Verified email addresses: the confirmation mail sign-up sends, its link, a new link on
 * request, and the rule ({@code latchkey.accounts.require-verified-email}) that refuses
 * sign-in until the address is confirmed.
 */
package io.latchkey.authserver.verification;
