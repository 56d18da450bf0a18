package io.latchkey.authserver.audience;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A resource server clients may ask a token for ({@code latchkey.tokens.resources}).
 *
 * @param uri      its resource indicator: an absolute URI without a fragment (RFC 8707 section 2)
 * @param audience the {@code aud} value that resource server accepts
 */
public record Resource(@NotNull URI uri, @NotBlank String audience) {
}
