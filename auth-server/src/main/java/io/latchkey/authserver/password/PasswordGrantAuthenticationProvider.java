package io.latchkey.authserver.password;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.latchkey.store.StoreOutage;
import io.latchkey.authserver.protocol.RetryLaterException;
import io.latchkey.authserver.token.Scopes;
import io.latchkey.authserver.login.LoginThrottleUnavailableException;
import io.latchkey.authserver.login.LoginThrottledException;
import io.latchkey.authserver.revocation.OvertakenSignIns;
import io.latchkey.store.audit.AuditEvent;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.throttle.ThrottleUnavailable;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The {@code password} grant for first-party clients (client setting
 * {@code settings.client.latchkey.first-party}). The user is checked by the same
 * {@link AuthenticationManager} as the sign-in form (Argon2id, a dummy hash for unknown
 * emails so both cost the same time), failures are throttled per account and per IP,
 * and the tokens come from the same generator and grant store as every other grant.
 */
public class PasswordGrantAuthenticationProvider implements AuthenticationProvider {

    /** Client setting that allows this grant. */
    public static final String FIRST_PARTY_SETTING = "settings.client.latchkey.first-party";

    /** The token type an ID token is generated and stored as. */
    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    /** What a first-party sign-in gets when it asks for no scope. */
    static final Set<String> DEFAULT_SCOPES = Set.of(Scopes.ACCOUNT_READ, Scopes.ACCOUNT_WRITE);

    private static final String INVALID_CREDENTIALS = "Invalid email or password";

    private final AuthenticationManager users;
    private final OAuth2AuthorizationService authorizations;
    private final OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator;
    private final OvertakenSignIns overtakenSignIns;
    private final Clock clock;
    private final AuditLog audit;
    private final MeterRegistry meters;

    public PasswordGrantAuthenticationProvider(AuthenticationManager users, OAuth2AuthorizationService authorizations,
            OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator, OvertakenSignIns overtakenSignIns, Clock clock,
            AuditLog audit, MeterRegistry meters) {
        this.users = users;
        this.authorizations = authorizations;
        this.tokenGenerator = tokenGenerator;
        this.overtakenSignIns = overtakenSignIns;
        this.clock = clock;
        this.audit = audit;
        this.meters = meters;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var request = (PasswordGrantAuthenticationToken) authentication;
        var clientPrincipal = authenticatedClient(request);
        RegisteredClient client = clientPrincipal.getRegisteredClient();
        if (!client.getAuthorizationGrantTypes().contains(PasswordGrantAuthenticationToken.PASSWORD)
                || !Boolean.TRUE.equals(client.getClientSettings().getSetting(FIRST_PARTY_SETTING))) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT);
        }
        Set<String> scopes = scopes(request, client);
        // Before the password is read: a sign-out everywhere after this may have replaced it.
        Instant began = this.clock.instant();
        Authentication user = authenticateUser(request, client);
        return issueTokens(request, clientPrincipal, client, user, scopes, began);
    }

    private Authentication authenticateUser(PasswordGrantAuthenticationToken request, RegisteredClient client) {
        var credentials = UsernamePasswordAuthenticationToken.unauthenticated(request.getUsername(), request.password());
        credentials.setDetails(new WebAuthenticationDetails(request.getRemoteAddress(), null));
        try {
            Authentication user = this.users.authenticate(credentials);
            this.meters.counter("latchkey.logins", "outcome", "ok").increment();
            this.audit.record(AuditEvent.of("login.succeeded").account(UUID.fromString(user.getName()))
                    .client(client.getClientId()));
            return user;
        }
        catch (LoginThrottledException throttled) {
            this.meters.counter("latchkey.logins", "outcome", "throttled").increment();
            this.audit.record(AuditEvent.of("login.throttled").client(client.getClientId()));
            throw new RetryLaterException(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                    "Too many failed sign-ins; try again later", throttled.retryAfter(), null);
        }
        catch (LoginThrottleUnavailableException unavailable) {
            throw new RetryLaterException(HttpStatus.SERVICE_UNAVAILABLE, "temporarily_unavailable",
                    "Sign-in is unavailable right now; try again shortly", ThrottleUnavailable.RETRY_AFTER, unavailable);
        }
        catch (InternalAuthenticationServiceException storeFailed) {
            if (!StoreOutage.isOutage(storeFailed)) {
                throw storeFailed;
            }
            throw new RetryLaterException(HttpStatus.SERVICE_UNAVAILABLE, "temporarily_unavailable",
                    "Sign-in is unavailable right now; try again shortly", StoreOutage.RETRY_AFTER, storeFailed);
        }
        catch (AuthenticationException failed) {
            this.meters.counter("latchkey.logins", "outcome", "failed").increment();
            this.audit.record(AuditEvent.of("login.failed").client(client.getClientId()));
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, INVALID_CREDENTIALS, null));
        }
    }

    private Authentication issueTokens(PasswordGrantAuthenticationToken request,
            OAuth2ClientAuthenticationToken clientPrincipal, RegisteredClient client, Authentication user, Set<String> scopes,
            Instant began) {
        // The grant id exists before the tokens, so they can carry it as sid.
        OAuth2Authorization.Builder grant = OAuth2Authorization.withRegisteredClient(client)
                .id(UUID.randomUUID().toString())
                .principalName(user.getName())
                .authorizationGrantType(PasswordGrantAuthenticationToken.PASSWORD)
                .authorizedScopes(scopes)
                .attribute(Principal.class.getName(), storedPrincipal(user));
        DefaultOAuth2TokenContext.Builder context = DefaultOAuth2TokenContext.builder()
                .registeredClient(client)
                .principal(user)
                .authorizationServerContext(AuthorizationServerContextHolder.getContext())
                .authorization(grant.build())
                .authorizedScopes(scopes)
                .authorizationGrantType(PasswordGrantAuthenticationToken.PASSWORD)
                .authorizationGrant(request);

        OAuth2Token generated = generate(context.tokenType(OAuth2TokenType.ACCESS_TOKEN).build());
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                generated.getTokenValue(), generated.getIssuedAt(), generated.getExpiresAt(), scopes);
        if (generated instanceof ClaimAccessor claims) {
            grant.token(accessToken, metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims.getClaims()));
        }
        else {
            grant.accessToken(accessToken);
        }
        OAuth2RefreshToken refreshToken = null;
        if (client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
            refreshToken = (OAuth2RefreshToken) generate(context.tokenType(OAuth2TokenType.REFRESH_TOKEN).build());
            grant.refreshToken(refreshToken);
        }
        Map<String, Object> additionalParameters = Map.of();
        if (scopes.contains(OidcScopes.OPENID)) {
            // As OpenID Connect's code flow does: an ID token, kept with the grant for /userinfo and logout.
            Jwt idToken = (Jwt) generate(context.tokenType(ID_TOKEN).build());
            grant.token(new OidcIdToken(idToken.getTokenValue(), idToken.getIssuedAt(), idToken.getExpiresAt(),
                    idToken.getClaims()), metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, idToken.getClaims()));
            additionalParameters = Map.of(OidcParameterNames.ID_TOKEN, idToken.getTokenValue());
        }
        OAuth2Authorization saved = grant.build();
        this.authorizations.save(saved);
        if (this.overtakenSignIns.endIfOvertaken(saved, began)) {
            this.meters.counter("latchkey.logins", "outcome", "overtaken").increment();
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, INVALID_CREDENTIALS, null));
        }
        return new OAuth2AccessTokenAuthenticationToken(client, clientPrincipal, accessToken, refreshToken,
                additionalParameters);
    }

    /**
     * What the grant keeps of the user, for its refreshes: the account id and authorities.
     * NOTE: not the whole {@code User}: the grant is stored as JSON and parsed again at
     * every refresh, and the nested user object was the costliest part of that parse.
     */
    private static Authentication storedPrincipal(Authentication user) {
        return UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, user.getAuthorities());
    }

    private OAuth2Token generate(org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext context) {
        OAuth2Token token = this.tokenGenerator.generate(context);
        if (token == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR,
                    "The token generator failed to generate the " + context.getTokenType().getValue(), null));
        }
        return token;
    }

    private static Set<String> scopes(PasswordGrantAuthenticationToken request, RegisteredClient client) {
        if (request.getScopes().isEmpty()) {
            Set<String> defaults = new LinkedHashSet<>(DEFAULT_SCOPES);
            defaults.retainAll(client.getScopes());
            return defaults;
        }
        if (!client.getScopes().containsAll(request.getScopes())) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_SCOPE);
        }
        return new LinkedHashSet<>(request.getScopes());
    }

    private static OAuth2ClientAuthenticationToken authenticatedClient(Authentication request) {
        if (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()) {
            return client;
        }
        throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PasswordGrantAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
