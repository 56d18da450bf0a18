package io.latchkey.authserver.audience;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;

/**
 * RFC 8707 resource indicators. A client may name, with {@code resource}, the resource
 * servers it wants a token for; the access token's {@code aud} then holds only their
 * audiences instead of the default one.
 * <ul>
 * <li>Each {@code resource} must be an absolute URI without a fragment and one of
 * {@code latchkey.tokens.resources}; anything else is {@code invalid_target}.</li>
 * <li>Named at the authorization request, they hold for the code exchange and every refresh
 * of that grant; a token request may narrow them, never widen them.</li>
 * <li>Named at a token request of a grant without an authorization request (password,
 * client credentials, or a refresh of those), they hold for that token only.</li>
 * </ul>
 */
public final class ResourceIndicators {

    private static final String RESOURCE = "resource";

    private static final String ERROR_URI = "https://www.rfc-editor.org/rfc/rfc8707#section-2";

    private final String defaultAudience;
    private final Map<String, String> audiences = new LinkedHashMap<>();

    /**
     * @param defaultAudience the {@code aud} of a token for which no resource was named
     * @param resources       the resource servers a client may name
     */
    public ResourceIndicators(String defaultAudience, List<Resource> resources) {
        this.defaultAudience = defaultAudience;
        for (Resource resource : resources) {
            if (!isIndicator(resource.uri())) {
                throw new IllegalStateException("latchkey.tokens.resources: " + resource.uri()
                        + " is not a resource indicator (an absolute URI without a fragment)");
            }
            this.audiences.put(resource.uri().toString(), resource.audience());
        }
    }

    /** The {@code aud} of the access token this context issues. */
    public List<String> audienceOf(OAuth2TokenContext context) {
        List<String> granted = resources(authorizationRequestParameters(context.getAuthorization()));
        List<String> asked = context.getAuthorizationGrant() instanceof OAuth2AuthorizationGrantAuthenticationToken grant
                ? resources(grant.getAdditionalParameters()) : List.of();
        if (asked.isEmpty()) {
            asked = granted;
        }
        else if (!granted.isEmpty() && !granted.containsAll(asked)) {
            throw invalidTarget("A token request may only narrow the resources its authorization request named");
        }
        if (asked.isEmpty()) {
            return List.of(this.defaultAudience);
        }
        List<String> audience = new ArrayList<>();
        for (String resource : asked) {
            String each = audienceOf(resource);
            if (!audience.contains(each)) {
                audience.add(each);
            }
        }
        return audience;
    }

    /** Refuses an authorization request that names a resource no token could be issued for. */
    void checkAuthorizationRequest(Map<String, Object> parameters) {
        resources(parameters).forEach(this::audienceOf);
    }

    private String audienceOf(String resource) {
        if (!isIndicator(resource)) {
            throw invalidTarget("A resource must be an absolute URI without a fragment");
        }
        String audience = this.audiences.get(resource);
        if (audience == null) {
            throw invalidTarget("Unknown resource");
        }
        return audience;
    }

    /** RFC 8707 section 2: an absolute URI without a fragment. */
    private static boolean isIndicator(URI uri) {
        return uri.isAbsolute() && uri.getFragment() == null;
    }

    private static boolean isIndicator(String resource) {
        try {
            return isIndicator(new URI(resource));
        }
        catch (URISyntaxException notAUri) {
            return false;
        }
    }

    private static Map<String, Object> authorizationRequestParameters(OAuth2Authorization authorization) {
        OAuth2AuthorizationRequest request = authorization == null ? null
                : authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        return request == null ? Map.of() : request.getAdditionalParameters();
    }

    private static List<String> resources(Map<String, Object> parameters) {
        return switch (parameters.get(RESOURCE)) {
            case null -> List.of();
            case String one -> List.of(one);
            case String[] several -> Arrays.asList(several);
            case List<?> several -> several.stream().map(String::valueOf).toList();
            default -> throw invalidTarget("Unreadable resource parameter");
        };
    }

    private static OAuth2AuthenticationException invalidTarget(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error("invalid_target", description, ERROR_URI));
    }
}
