package io.latchkey.authserver.firstparty;

import java.util.Optional;

/** Where the JSON API looks for a token: the first of body, cookie or {@code Authorization: Bearer} that has one. */
final class TokenSources {

    private TokenSources() {
    }

    static Optional<String> first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return Optional.of(candidate.strip());
            }
        }
        return Optional.empty();
    }

    static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7) : null;
    }
}
