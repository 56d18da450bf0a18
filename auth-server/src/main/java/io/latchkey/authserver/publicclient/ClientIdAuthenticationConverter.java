package io.latchkey.authserver.publicclient;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

/**
 * Reads a public client's {@code client_id} from a refresh, revocation or pushed authorization
 * request that carries no credentials (RFC 6749 section 6, RFC 7009 section 2.1, RFC 9126
 * section 2). Spring reads a
 * public client only from a PKCE code exchange.
 * <p>
 * NOTE: a request with any credentials (Basic header, {@code client_secret}, client
 * assertion, TLS client certificate) is left to Spring's converters, so a confidential
 * client is never read as public here.
 */
class ClientIdAuthenticationConverter implements AuthenticationConverter {

    private static final String CLIENT_CERTIFICATE = "jakarta.servlet.request.X509Certificate";

    private final RequestMatcher requestsOfPublicClients;

    ClientIdAuthenticationConverter(RequestMatcher requestsOfPublicClients) {
        this.requestsOfPublicClients = requestsOfPublicClients;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!this.requestsOfPublicClients.matches(request)) {
            return null;
        }
        String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
        if (clientIds == null || carriesCredentials(request)) {
            return null;
        }
        if (clientIds.length != 1 || !StringUtils.hasText(clientIds[0])) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
        }
        Map<String, Object> parameters = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!OAuth2ParameterNames.CLIENT_ID.equals(name)) {
                parameters.put(name, values.length == 1 ? values[0] : values);
            }
        });
        return new ClientIdAuthenticationToken(clientIds[0], parameters);
    }

    private static boolean carriesCredentials(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE) != null
                || request.getAttribute(CLIENT_CERTIFICATE) != null;
    }
}
