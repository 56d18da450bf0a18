package io.latchkey.resourceapi;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's header and security scheme; the operations come from the controllers. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Latchkey resource-api", version = "v1",
                description = "The signed-in user's account and the admin endpoints. Every call needs an access token "
                        + "from Latchkey (RFC 9068 JWT, aud latchkey-api): account:read to read, account:write to change, "
                        + "role admin for /api/admin. Errors are application/problem+json (RFC 9457)."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token from Latchkey's /oauth2/token or /api/auth/login")
class OpenApiConfiguration {
}
