package io.latchkey.accesslog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AccessLogFilterTest {

    @Test
    void logsMethodPathStatusDurationAndClientButNeverTheQuery(CapturedOutput output) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login/oauth2/code/latchkey");
        request.setQueryString("code=SECRET-AUTHORIZATION-CODE&state=xyz");
        request.addHeader("Authorization", "Bearer SECRET-ACCESS-TOKEN");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new AccessLogFilter().doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                AccessLogFilter.recordClientId(req, "demo-client");
                ((MockHttpServletResponse) res).setStatus(302);
            }
        });

        assertThat(output).contains("GET /login/oauth2/code/latchkey 302").contains("client_id=demo-client")
                .doesNotContain("SECRET-AUTHORIZATION-CODE").doesNotContain("SECRET-ACCESS-TOKEN");
    }
}
