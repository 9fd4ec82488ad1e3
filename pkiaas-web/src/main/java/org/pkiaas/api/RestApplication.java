package org.pkiaas.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** The integrator REST API, version 1. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info = @Info(title = "PKIaaS REST API", version = "1"),
    security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "token")})
@SecuritySchemes({
  @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic"),
  @SecurityScheme(
      securitySchemeName = "token",
      type = SecuritySchemeType.HTTP,
      scheme = "bearer",
      description = "A personal API token created with POST /api/v1/tokens")
})
public class RestApplication extends Application {}
