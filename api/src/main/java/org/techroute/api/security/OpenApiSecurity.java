package org.techroute.api.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Declares the ways in (API key, bearer JWT) in the OpenAPI document and, per operation, which are accepted, the
 * role needed ({@code x-techroute-role}, from {@link AccessRules}) and the 401 and 403 answers. With no way in
 * configured the document says nothing about security: there is none.
 */
@Component
class OpenApiSecurity implements OpenApiCustomizer {

    static final String API_KEY = "apiKey";
    static final String BEARER = "bearerJwt";

    private final SecurityConfiguration.Mode mode;

    OpenApiSecurity(SecurityConfiguration.Mode mode) {
        this.mode = mode;
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (!mode.secured() || openApi.getPaths() == null) {
            return;
        }
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        if (mode.apiKeys()) {
            components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER).name(ApiKeyAuthenticationFilter.HEADER)
                    .description("an API key (trk_...), also accepted as Authorization: Bearer trk_..."));
        }
        if (mode.jwt()) {
            components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT")
                    .description("a JWT from the identity provider; roles from its roles claim"));
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                declare(path, HttpMethod.valueOf(method.name()), operation)));
    }

    private void declare(String path, HttpMethod method, Operation operation) {
        AccessRules.Rule rule = AccessRules.find(method, path).orElse(null);
        if (rule == null || rule.access() == AccessRules.Access.OPEN) {
            operation.setSecurity(java.util.List.of());
            return;
        }
        if (mode.apiKeys()) {
            operation.addSecurityItem(new SecurityRequirement().addList(API_KEY));
        }
        if (mode.jwt()) {
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
        }
        operation.addExtension("x-techroute-role", rule.describe());
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.addApiResponse("401", problem("No valid API key or token (type unauthorized)"));
        responses.addApiResponse("403", problem("The caller's role may not do this (type forbidden); needs "
                + rule.describe()));
        operation.setResponses(responses);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref(
                        "#/components/schemas/ProblemDetail"))));
    }

}
