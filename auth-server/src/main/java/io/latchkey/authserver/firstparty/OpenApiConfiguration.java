package io.latchkey.authserver.firstparty;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the first-party JSON auth API. The OAuth and OpenID Connect
 * endpoints are described by the standards and by /.well-known/openid-configuration.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Latchkey first-party auth API", version = "v1",
        description = "register, login, refresh and logout for first-party apps, built on the password and "
                + "refresh_token grants of the first-party client. Tokens come in the body and in HttpOnly cookies. "
                + "Errors are application/problem+json (RFC 9457)."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "The access token (logout) or refresh token (refresh) as a bearer token")
@SecurityScheme(name = "refresh-cookie", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        paramName = "refresh_token", description = "The HttpOnly refresh_token cookie set by login and refresh")
class OpenApiConfiguration {
}
