/**
 * The first-party JSON auth API ({@code /api/auth/register, login, refresh, logout}) with
 * tokens in HttpOnly cookies, built on the {@code password} and {@code refresh_token}
 * grants of the {@code first-party} client (sign-in budgets: see login).
 */
package io.latchkey.authserver.firstparty;
