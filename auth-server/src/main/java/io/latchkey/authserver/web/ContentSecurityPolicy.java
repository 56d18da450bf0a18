package io.latchkey.authserver.web;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The content security policy of auth-server's pages: scripts, styles, fonts and frames from
 * the page's own origin only (no inline script, no inline style), images also as
 * {@code data:} (the icons), never framed, no {@code <base>}, no plugins, and forms posting to
 * the page's origin and the targets it names. (demo-client states the same policy in its own
 * words, with Latchkey's origin for its stylesheet and sign-out.)
 */
final class ContentSecurityPolicy {

    static final String HEADER = "Content-Security-Policy";

    /** A source a policy may name: a scheme, host (name, IPv4 or [IPv6]) and optional port; nothing that could end a directive. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]");

    private ContentSecurityPolicy() {
    }

    /** @param formTargets origins besides the page's own that a form (or the redirects after it) may reach */
    static String forPages(Collection<String> formTargets) {
        return "default-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                + "frame-ancestors 'none'; form-action 'self'" + (formTargets.isEmpty() ? "" : " " + String.join(" ", formTargets));
    }

    /**
     * The origin of a URI as a policy source ({@code scheme://host[:port]}), or the bare scheme
     * ({@code com.example.app:}) for a private-use URI of a native app; empty for anything else.
     */
    static Optional<String> sourceOf(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        }
        catch (Exception notAUri) {
            return Optional.empty();
        }
        String scheme = parsed.getScheme();
        if (scheme == null || !scheme.matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return Optional.empty();
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(scheme + ":");
        }
        String host = parsed.getHost();
        if (host == null || !HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (parsed.getPort() == -1 ? "" : ":" + parsed.getPort()));
    }
}
