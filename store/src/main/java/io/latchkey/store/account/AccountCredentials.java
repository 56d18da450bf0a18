package io.latchkey.store.account;

import java.util.UUID;

/**
 * What sign-in needs to check a password: the account id, its hash and whether it
 * may sign in, and whether its email is verified. Only the authentication path reads this; it is never serialized.
 */
public record AccountCredentials(UUID id, String passwordHash, Role role, boolean enabled, boolean emailVerified) {

    @Override
    public String toString() {
        return "AccountCredentials[id=" + this.id + ", role=" + this.role + ", enabled=" + this.enabled + ", emailVerified=" + this.emailVerified + "]";
    }
}
