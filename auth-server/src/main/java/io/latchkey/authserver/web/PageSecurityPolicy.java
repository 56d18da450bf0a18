package io.latchkey.authserver.web;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * The pages' content security policy: everything from this origin only, no inline script,
 * never framed. A form may post to this origin, and, while a person signs in or consents for
 * a client, the redirects that follow it may also reach that client's registered redirect
 * URIs: browsers hold the redirects after a form submission to its {@code form-action}.
 */
final class PageSecurityPolicy implements HeaderWriter {

    private final RegisteredClientRepository clients;
    private final RequestCache requests;

    PageSecurityPolicy(RegisteredClientRepository clients, RequestCache requests) {
        this.clients = clients;
        this.requests = requests;
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        Set<String> formTargets = new LinkedHashSet<>();
        clientInFlight(request, response).map(this.clients::findByClientId).map(RegisteredClient::getRedirectUris)
                .ifPresent(uris -> uris.forEach(uri -> ContentSecurityPolicy.sourceOf(uri).ifPresent(formTargets::add)));
        response.setHeader(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.forPages(formTargets));
    }

    /** The client a person is signing in or consenting for: named on the consent page, or in the saved authorization request. */
    private Optional<String> clientInFlight(HttpServletRequest request, HttpServletResponse response) {
        String named = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        if (named != null) {
            return Optional.of(named);
        }
        if (request.getSession(false) == null) {
            return Optional.empty();
        }
        SavedRequest saved = this.requests.getRequest(request, response);
        String[] values = saved == null ? null : saved.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
        return values == null || values.length != 1 ? Optional.empty() : Optional.of(values[0]);
    }
}
