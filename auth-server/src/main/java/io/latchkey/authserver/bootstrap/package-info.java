/**
 * Seeding from configuration ({@code latchkey.bootstrap.*}): registered clients and
 * the first admin, only where the operator asks for them, and a guard that refuses
 * the documented dev secrets outside the local profile.
 */
package io.latchkey.authserver.bootstrap;
