package io.latchkey.democlient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * resource-api through Spring's OAuth2 client support: every call carries the user's
 * access token, refreshed transparently by the authorized-client manager when it expires.
 */
@Configuration(proxyBeanMethods = false)
class ResourceApiClientConfiguration {

    static final String REGISTRATION = "latchkey";

    @Bean
    RestClient resourceApi(RestClient.Builder builder, OAuth2AuthorizedClientManager authorizedClients,
            DemoClientProperties properties) {
        OAuth2ClientHttpRequestInterceptor tokens = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        tokens.setClientRegistrationIdResolver(request -> REGISTRATION);
        return builder.baseUrl(properties.resourceApiUrl().toString()).requestInterceptor(tokens).build();
    }
}
