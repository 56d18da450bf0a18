package io.latchkey.authserver.firstparty;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.latchkey.authserver.password.PasswordGrantAuthenticationToken;
import io.latchkey.authserver.protocol.RetryLaterException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON auth API (register, log in, refresh, log out), done on OAuth machinery:
 * {@code login} is the {@code password} grant and {@code refresh} the {@code refresh_token} grant of the {@code first-party}
 * client, through the same providers, token generator and grant store as {@code /oauth2/token}.
 */
@RestController
@RequestMapping("/api/auth")
class FirstPartyAuthController {

    static final String FIRST_PARTY_CLIENT = "first-party";

    private final RegisteredClientRepository clients;
    private final AuthenticationProvider passwordGrant;
    private final AuthenticationProvider refreshGrant;
    private final FirstPartyLogout logout;
    private final AuthCookies cookies;
    private final IssuerScope issuer;

    FirstPartyAuthController(RegisteredClientRepository clients,
            @Qualifier("passwordGrantAuthenticationProvider") AuthenticationProvider passwordGrant,
            @Qualifier("refreshTokenGrantAuthenticationProvider") AuthenticationProvider refreshGrant,
            FirstPartyLogout logout, AuthCookies cookies, AuthorizationServerSettings settings) {
        this.issuer = new IssuerScope(settings);
        this.clients = clients;
        this.passwordGrant = passwordGrant;
        this.refreshGrant = refreshGrant;
        this.logout = logout;
        this.cookies = cookies;
    }

    @PostMapping("/login")
    ResponseEntity<AuthResponses.TokenResponse> login(@Valid @RequestBody AuthRequests.Login request, HttpServletRequest http,
            HttpServletResponse response) {
        var tokens = (OAuth2AccessTokenAuthenticationToken) this.issuer.run(() -> this.passwordGrant.authenticate(
                new PasswordGrantAuthenticationToken(firstPartyClient(), request.email(), request.password(), Set.of(),
                        http.getRemoteAddr(), Map.of())));
        return issued(tokens, response);
    }

    @PostMapping("/refresh")
    ResponseEntity<AuthResponses.TokenResponse> refresh(@RequestBody(required = false) AuthRequests.TokenBody body,
            @CookieValue(name = AuthCookies.REFRESH, required = false) String cookie,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletResponse response) {
        String refreshToken = TokenSources.first(body == null ? null : body.refreshToken(), cookie, TokenSources.bearer(authorization))
                .orElseThrow(() -> AuthProblem.missing("refresh token"));
        try {
            var tokens = (OAuth2AccessTokenAuthenticationToken) this.issuer.run(() -> this.refreshGrant.authenticate(
                    new OAuth2RefreshTokenAuthenticationToken(refreshToken, firstPartyClient(), null, Map.of())));
            return issued(tokens, response);
        }
        catch (RetryLaterException retry) {
            throw retry;
        }
        catch (OAuth2AuthenticationException invalid) {
            throw AuthProblem.invalid("The refresh token is invalid, expired, revoked or was already used");
        }
    }

    /**
     * Ends the sign-in the tokens belong to ({@link FirstPartyLogout}). The cookies are cleared
     * and the browser session ended in any case; 403 when neither token was live.
     */
    @PostMapping("/logout")
    ResponseEntity<?> logout(@RequestBody(required = false) AuthRequests.TokenBody body,
            @CookieValue(name = AuthCookies.ACCESS, required = false) String accessCookie,
            @CookieValue(name = AuthCookies.REFRESH, required = false) String refreshCookie,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request, HttpServletResponse response) {
        Optional<String> accessToken = TokenSources.first(TokenSources.bearer(authorization), accessCookie);
        Optional<String> refreshToken = TokenSources.first(body == null ? null : body.refreshToken(), refreshCookie);
        if (accessToken.isEmpty() && refreshToken.isEmpty()) {
            throw AuthProblem.missing("access or refresh token");
        }
        boolean ended = this.logout.end(accessToken, refreshToken);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        this.cookies.clear(response);
        if (!ended) {
            ErrorResponseException invalid = AuthProblem.invalid(refreshToken.isPresent()
                    ? "The refresh token is invalid, expired or revoked" : "The access token is invalid or expired");
            return ResponseEntity.status(invalid.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(invalid.getBody());
        }
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<AuthResponses.TokenResponse> issued(OAuth2AccessTokenAuthenticationToken tokens, HttpServletResponse response) {
        this.cookies.set(response, tokens.getAccessToken(), tokens.getRefreshToken());
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(AuthResponses.TokenResponse.of(tokens));
    }

    private OAuth2ClientAuthenticationToken firstPartyClient() {
        RegisteredClient client = this.clients.findByClientId(FIRST_PARTY_CLIENT);
        if (client == null) {
            throw new IllegalStateException("The first-party client is not registered (latchkey.bootstrap.clients)");
        }
        // NOTE: this API is the first-party client, so it acts as that client, already authenticated.
        return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.CLIENT_SECRET_BASIC, null);
    }
}
