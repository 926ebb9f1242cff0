package org.techroute.api.errors;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

/** Adds each endpoint's {@link ErrorResponse}s to the OpenAPI document as problem+json {@code ProblemDetail}s. */
@Configuration(proxyBeanMethods = false)
public class ErrorResponses {

    @Bean
    OperationCustomizer errorResponseCustomizer() {
        return customizer();
    }

    /** Puts the {@code ProblemDetail} schema the error responses refer to into the document's components. */
    @Bean
    OpenApiCustomizer problemDetailSchema() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            ModelConverters.getInstance().readAll(ProblemDetail.class)
                    .forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
        };
    }

    /** The customizer (also for tests without Spring). */
    public static OperationCustomizer customizer() {
        return (operation, handler) -> {
            ErrorResponse[] errors = handler.getMethod().getAnnotationsByType(ErrorResponse.class);
            if (errors.length == 0) {
                return operation;
            }
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            for (ErrorResponse error : errors) {
                operation.getResponses().addApiResponse(error.status(), new ApiResponse()
                        .description(error.description())
                        .content(new Content().addMediaType(org.springframework.http.MediaType
                                .APPLICATION_PROBLEM_JSON_VALUE, new MediaType().schema(problemSchema()))));
            }
            return operation;
        };
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new Schema<>().$ref("#/components/schemas/" + ProblemDetail.class.getSimpleName());
    }
}
