package org.techroute.api.errors;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.techroute.data.model.Violation;

/** An error the service reports as an RFC 9457 problem: status, stable type, title, detail, extras. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final URI type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final HttpHeaders headers = new HttpHeaders();

    public ApiException(HttpStatus status, URI type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorTypes.NOT_FOUND, "Not found",
                "no " + what + " with id '" + id + "'");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, ErrorTypes.CONFLICT, "Conflict", detail);
    }

    public static ApiException malformed(Violation violation) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorTypes.MALFORMED_JSON, "Malformed JSON",
                "the request body is not a readable document: " + violation.message())
                .with("violations", List.of(violation));
    }

    public static ApiException badRequest(String detail, List<Violation> violations) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorTypes.BAD_REQUEST, "Bad request", detail)
                .with("violations", violations);
    }

    public static ApiException validation(String detail, List<Violation> violations) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorTypes.VALIDATION, "Invalid problem", detail)
                .with("violations", violations);
    }

    public static ApiException queueFull(int queued, int retryAfterSeconds) {
        ApiException e = new ApiException(HttpStatus.TOO_MANY_REQUESTS, ErrorTypes.QUEUE_FULL,
                "Solver queue full", "every solver slot is busy and " + queued
                        + " plan(s) are waiting; try again later");
        e.headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        return e;
    }

    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public ApiException header(String name, String value) {
        headers.set(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(type);
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
