package io.latchkey.authserver.password;

import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
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
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Makes a checked user's password-grant tokens as the code flow would, from the same
 * generator: an access token, a refresh token when the client may refresh, an ID token
 * when {@code openid} was granted; then saves their grant.
 */
final class PasswordGrantIssuer {

    /** The token type an ID token is generated and stored as. */
    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final OAuth2AuthorizationService authorizations;
    private final OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator;

    PasswordGrantIssuer(OAuth2AuthorizationService authorizations, OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator) {
        this.authorizations = authorizations;
        this.tokenGenerator = tokenGenerator;
    }

    /** The saved grant, and the token endpoint's answer. */
    record Issued(OAuth2Authorization grant, OAuth2AccessTokenAuthenticationToken answer) {
    }

    /** Issues the tokens {@code user} signs in with through {@code clientPrincipal}, and saves their grant. */
    Issued issue(PasswordGrantAuthenticationToken request, OAuth2ClientAuthenticationToken clientPrincipal,
            Authentication user, Set<String> scopes) {
        RegisteredClient client = clientPrincipal.getRegisteredClient();
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
        return new Issued(saved, new OAuth2AccessTokenAuthenticationToken(client, clientPrincipal, accessToken, refreshToken,
                additionalParameters));
    }

    /**
     * What the grant keeps of the user, for its refreshes: the account id and authorities.
     * NOTE: not the whole {@code User}: the grant is stored as JSON and parsed again at
     * every refresh, and the nested user object was the costliest part of that parse.
     */
    private static Authentication storedPrincipal(Authentication user) {
        return UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, user.getAuthorities());
    }

    private OAuth2Token generate(OAuth2TokenContext context) {
        OAuth2Token token = this.tokenGenerator.generate(context);
        if (token == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR,
                    "The token generator failed to generate the " + context.getTokenType().getValue(), null));
        }
        return token;
    }
}
