package io.latchkey.api.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A person's browser opening a page, as opposed to an API client: the request names
 * {@code text/html} among what it accepts, or says it is a navigation ({@code Sec-Fetch-Mode}).
 * NOTE: {@code Accept: *}{@code /*} and no {@code Accept} at all are what curl, fetch and
 * most HTTP libraries send; they are API clients, never sent to a sign-in page.
 */
public final class BrowserNavigation implements RequestMatcher {

    private final MediaTypeRequestMatcher acceptsHtml;

    public BrowserNavigation() {
        this.acceptsHtml = new MediaTypeRequestMatcher(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);
        this.acceptsHtml.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        this.acceptsHtml.setUseEquals(true);
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return "navigate".equals(request.getHeader("Sec-Fetch-Mode")) || this.acceptsHtml.matches(request);
    }
}
