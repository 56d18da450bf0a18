package io.latchkey.authserver.revocation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code refresh_token} grant with strict rotation (RFC 9700 section 4.14).
 * <ul>
 * <li>The grant row holding the presented token is locked for the whole exchange, so two
 * concurrent refreshes with one token cannot both succeed: the second finds the token
 * already rotated out.</li>
 * <li>The rotated-out token is remembered (hashed). Presenting it again is reuse: the
 * whole grant is revoked, with an audit event and a metric, and the caller gets
 * {@code invalid_grant}.</li>
 * </ul>
 * CAUTION: a legitimate client that refreshes twice in parallel with one token is
 * indistinguishable from a thief racing it, and loses its grant too. That is the
 * standard's trade-off: the user signs in again; an attacker gets nothing.
 */
class ReuseDetectingRefreshTokenAuthenticationProvider implements AuthenticationProvider {

    static final String REUSE_AUDIT_TYPE = "refresh_token.reused";

    private final AuthenticationProvider delegate;
    private final RotatedRefreshTokens rotatedTokens;
    private final OAuth2AuthorizationService authorizations;
    private final GrantRevoker grantRevoker;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final Clock clock;

    ReuseDetectingRefreshTokenAuthenticationProvider(AuthenticationProvider delegate, RotatedRefreshTokens rotatedTokens,
            OAuth2AuthorizationService authorizations, GrantRevoker grantRevoker, TransactionTemplate transaction,
            MeterRegistry meters, Clock clock) {
        this.delegate = delegate;
        this.rotatedTokens = rotatedTokens;
        this.authorizations = authorizations;
        this.grantRevoker = grantRevoker;
        this.transaction = transaction;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String refreshToken = ((OAuth2RefreshTokenAuthenticationToken) authentication).getRefreshToken();
        Optional<Authentication> issued = this.transaction.execute(status -> {
            Optional<String> grantId = this.rotatedTokens.lockGrantHolding(refreshToken);
            if (grantId.isEmpty()) {
                return Optional.empty();
            }
            Authentication result = this.delegate.authenticate(authentication);
            this.rotatedTokens.record(refreshToken, grantId.get(), expiryOf(result));
            return Optional.of(result);
        });
        if (issued.isPresent()) {
            return issued.get();
        }
        this.rotatedTokens.grantOf(refreshToken, this.clock.instant()).ifPresent(this::revokeReusedGrant);
        throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
    }

    private void revokeReusedGrant(String grantId) {
        this.meters.counter("latchkey.refresh_token.reuse").increment();
        OAuth2Authorization grant = this.authorizations.findById(grantId);
        if (grant != null) {
            this.grantRevoker.revoke(grant, REUSE_AUDIT_TYPE, "a rotated-out refresh token was presented again");
        }
    }

    /** The rotated-out token is remembered as long as the new one (and so the grant) can live. */
    private Instant expiryOf(Authentication result) {
        var tokens = (OAuth2AccessTokenAuthenticationToken) result;
        if (tokens.getRefreshToken() != null && tokens.getRefreshToken().getExpiresAt() != null) {
            return tokens.getRefreshToken().getExpiresAt();
        }
        return tokens.getAccessToken().getExpiresAt();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2RefreshTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
