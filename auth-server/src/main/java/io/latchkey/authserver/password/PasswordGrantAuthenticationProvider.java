package io.latchkey.authserver.password;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import io.latchkey.authserver.login.EmailNotVerifiedException;
import io.latchkey.authserver.login.LoginThrottleUnavailableException;
import io.latchkey.authserver.login.LoginThrottledException;
import io.latchkey.authserver.protocol.RetryLaterException;
import io.latchkey.authserver.revocation.OvertakenSignIns;
import io.latchkey.authserver.token.Scopes;
import io.latchkey.store.StoreOutage;
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
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
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

    /** What a first-party sign-in gets when it asks for no scope. */
    static final Set<String> DEFAULT_SCOPES = Set.of(Scopes.ACCOUNT_READ, Scopes.ACCOUNT_WRITE);

    private static final String INVALID_CREDENTIALS = "Invalid email or password";

    private final AuthenticationManager users;
    private final PasswordGrantIssuer issuer;
    private final OvertakenSignIns overtakenSignIns;
    private final Clock clock;
    private final AuditLog audit;
    private final MeterRegistry meters;

    public PasswordGrantAuthenticationProvider(AuthenticationManager users, OAuth2AuthorizationService authorizations,
            OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator, OvertakenSignIns overtakenSignIns, Clock clock,
            AuditLog audit, MeterRegistry meters) {
        this.users = users;
        this.issuer = new PasswordGrantIssuer(authorizations, tokenGenerator);
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
        PasswordGrantIssuer.Issued issued = this.issuer.issue(request, clientPrincipal, user, scopes);
        if (this.overtakenSignIns.endIfOvertaken(issued.grant(), began)) {
            this.meters.counter("latchkey.logins", "outcome", "overtaken").increment();
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, INVALID_CREDENTIALS, null));
        }
        return issued.answer();
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
        catch (EmailNotVerifiedException unverified) {
            this.meters.counter("latchkey.logins", "outcome", "unverified").increment();
            this.audit.record(AuditEvent.of("login.unverified").client(client.getClientId()));
            throw new EmailNotVerifiedGrantException();
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
