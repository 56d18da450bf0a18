package io.latchkey.store.account;

import java.time.Instant;
import java.util.UUID;

/** A user's profile as the rest of the system may see it: never the password hash. */
public record Account(UUID id, String email, boolean emailVerified, String name, Role role, boolean enabled,
        Instant createdAt, Instant updatedAt) {
}
