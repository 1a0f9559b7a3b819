package com.relabel.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's header: what the API is and how it authenticates (bearer tokens). */
@Configuration
class OpenApiConfig {

  @Bean
  OpenAPI relabelOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Relabel API")
                .version("v1")
                .description(
                    "Import a dataset, start a training run, poll it, fetch its noise scores and"
                        + " export the corrected labels. Every request carries an API token that"
                        + " an admin makes on the API tokens page: Authorization: Bearer rlb_..."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "token",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API token (rlb_...), acting as the admin who made it")))
        .addSecurityItem(new SecurityRequirement().addList("token"));
  }
}
