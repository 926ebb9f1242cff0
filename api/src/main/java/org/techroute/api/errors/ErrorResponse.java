package org.techroute.api.errors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An error answer of an endpoint in the OpenAPI document: {@code status} with an RFC 9457 error document
 * ({@code application/problem+json}, schema {@code ProblemDetail}). Says once what 41
 * {@code @ApiResponse(content = @Content(mediaType = ..., schema = @Schema(implementation = ProblemDetail.class)))}
 * said before; {@link ErrorResponses#customizer()} turns it into the OpenAPI response.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ErrorResponse.List.class)
public @interface ErrorResponse {

    /** The HTTP status, e.g. {@code "404"}. */
    String status();

    /** When the error happens, with its type where it helps (e.g. "Solver queue full (type queue-full)"). */
    String description();

    /** The container of repeated {@link ErrorResponse}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ErrorResponse[] value();
    }
}
