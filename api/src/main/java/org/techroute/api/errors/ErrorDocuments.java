package org.techroute.api.errors;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the error documents (RFC 9457 problem details) that do not come from an {@link ApiException}. */
public final class ErrorDocuments {

    private ErrorDocuments() {
    }

    public static ProblemDetail of(HttpStatusCode status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail tooLarge(long maxBytes) {
        return of(HttpStatus.PAYLOAD_TOO_LARGE, ErrorTypes.TOO_LARGE, "Request body too large",
                "the request body is larger than the limit of " + maxBytes + " bytes");
    }

    public static ProblemDetail internal() {
        return of(HttpStatus.INTERNAL_SERVER_ERROR, ErrorTypes.INTERNAL, "Internal error",
                "the service failed to handle the request; the error is logged");
    }

    /** A generic problem for a status (when nothing more specific is known). */
    public static ProblemDetail forStatus(HttpStatusCode status) {
        String detail = switch (status.value()) {
            case 404 -> "no such resource";
            case 405 -> "this method is not supported here";
            case 400 -> "the request is not valid";
            default -> ErrorTypes.title(status);
        };
        return of(status, ErrorTypes.forStatus(status), ErrorTypes.title(status), detail);
    }
}
