package io.latchkey.authserver.password;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/** Reads {@code grant_type=password&username=…&password=…&scope=…} from a token request. */
class PasswordGrantAuthenticationConverter implements AuthenticationConverter {

    // RFC 6749 section 4.3.2; Spring Security 7 no longer names them.
    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!PasswordGrantAuthenticationToken.PASSWORD.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
            return null;
        }
        String username = single(request, USERNAME);
        String password = single(request, PASSWORD);
        String scope = request.getParameter(OAuth2ParameterNames.SCOPE);
        Set<String> scopes = StringUtils.hasText(scope)
                ? new LinkedHashSet<>(Arrays.asList(StringUtils.delimitedListToStringArray(scope, " "))) : Set.of();
        Map<String, Object> additional = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!Set.of(OAuth2ParameterNames.GRANT_TYPE, USERNAME, PASSWORD,
                    OAuth2ParameterNames.SCOPE, OAuth2ParameterNames.CLIENT_ID, OAuth2ParameterNames.CLIENT_SECRET).contains(name)) {
                additional.put(name, values.length == 1 ? values[0] : values);
            }
        });
        Authentication client = SecurityContextHolder.getContext().getAuthentication();
        return new PasswordGrantAuthenticationToken(client, username, password, scopes, request.getRemoteAddr(), additional);
    }

    private static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length != 1 || !StringUtils.hasText(values[0])) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                    "OAuth 2.0 Parameter: " + name, null));
        }
        return values[0];
    }
}
