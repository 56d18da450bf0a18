package io.latchkey.authserver.keys;

import java.util.Set;

/**
 * The algorithms a current signing key must exist for. Decided by what the tokens are
 * signed with (the token package supplies this bean), kept by {@link SigningKeyRotation}.
 */
public record RequiredAlgorithms(Set<SigningAlgorithm> algorithms) {

    public RequiredAlgorithms {
        algorithms = Set.copyOf(algorithms);
    }
}
