package io.latchkey.authserver.web;

import io.latchkey.authserver.revocation.OvertakenSignIns;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * One of the authorization endpoint's providers (the code request, or the consent that
 * completes one), checked once more after it saved the grant with its code: if the browser
 * session's user was signed out everywhere since the session signed in, the grant is ended
 * and the client gets {@code access_denied} instead of the code. NOTE: {@link RevokedSessionFilter}
 * checked the session as the request began; a sign-out between that check and the save would
 * otherwise leave a grant saved too late to be denied (see {@link OvertakenSignIns}).
 */
final class SessionRecheckingAuthorizationProvider implements AuthenticationProvider {

    private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

    private final AuthenticationProvider delegate;
    private final OAuth2AuthorizationService authorizations;
    private final OvertakenSignIns overtakenSignIns;

    SessionRecheckingAuthorizationProvider(AuthenticationProvider delegate, OAuth2AuthorizationService authorizations,
            OvertakenSignIns overtakenSignIns) {
        this.delegate = delegate;
        this.authorizations = authorizations;
        this.overtakenSignIns = overtakenSignIns;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Authentication result = this.delegate.authenticate(authentication);
        if (result instanceof OAuth2AuthorizationCodeRequestAuthenticationToken issued && issued.getAuthorizationCode() != null
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            HttpSession session = request.getRequest().getSession(false);
            OAuth2Authorization grant = session == null ? null
                    : this.authorizations.findByToken(issued.getAuthorizationCode().getTokenValue(), CODE);
            if (grant != null && this.overtakenSignIns.endIfOvertaken(grant, RevokedSessionFilter.signedInAt(session))) {
                throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED,
                        "The user was signed out everywhere during this request", null), issued);
            }
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return this.delegate.supports(authentication);
    }
}
