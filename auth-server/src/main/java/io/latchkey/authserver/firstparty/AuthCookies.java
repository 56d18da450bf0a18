package io.latchkey.authserver.firstparty;

import java.time.Duration;
import java.time.Instant;

import io.latchkey.authserver.token.TokenProperties;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * The cookies of the JSON auth API: {@code access_token} and {@code refresh_token}
 * HttpOnly and SameSite=Lax (the refresh cookie only sent to {@code /api/auth}),
 * {@code logged_in} readable by scripts; all Secure when the issuer is https.
 */
class AuthCookies {

    static final String ACCESS = "access_token";
    static final String REFRESH = "refresh_token";
    static final String LOGGED_IN = "logged_in";
    static final String REFRESH_PATH = "/api/auth";

    private final boolean secure;

    AuthCookies(TokenProperties tokens) {
        this.secure = "https".equalsIgnoreCase(tokens.issuer().getScheme());
    }

    void set(HttpServletResponse response, OAuth2AccessToken access, OAuth2RefreshToken refresh) {
        add(response, ACCESS, access.getTokenValue(), "/", true, until(access.getExpiresAt()));
        if (refresh != null) {
            add(response, REFRESH, refresh.getTokenValue(), REFRESH_PATH, true, until(refresh.getExpiresAt()));
            add(response, LOGGED_IN, "true", "/", false, until(refresh.getExpiresAt()));
        }
        else {
            add(response, LOGGED_IN, "true", "/", false, until(access.getExpiresAt()));
        }
    }

    void clear(HttpServletResponse response) {
        add(response, ACCESS, "", "/", true, Duration.ZERO);
        add(response, REFRESH, "", REFRESH_PATH, true, Duration.ZERO);
        add(response, LOGGED_IN, "", "/", false, Duration.ZERO);
    }

    private void add(HttpServletResponse response, String name, String value, String path, boolean httpOnly, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(name, value)
                .httpOnly(httpOnly)
                .secure(this.secure)
                .sameSite("Lax")
                .path(path)
                .maxAge(maxAge)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    private static Duration until(Instant expiresAt) {
        return expiresAt == null ? Duration.ofMinutes(15) : Duration.between(Instant.now(), expiresAt);
    }
}
