package org.techroute.api.errors;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.techroute.data.travel.UnsupportedTravelModeException;
import org.techroute.data.validation.InvalidProblemException;

/**
 * Every error becomes an {@code application/problem+json} body with a stable {@code type}: the service's own
 * {@link ApiException}s, invalid problems (422 with {@code violations}), Spring MVC's errors (400, 404 for
 * unknown paths, 405, 406, 415, ...) and anything unexpected (500 with a generic detail, logged here).
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e) {
        return problem(e.toProblemDetail(), e.headers());
    }

    @ExceptionHandler(InvalidProblemException.class)
    ResponseEntity<Object> invalid(InvalidProblemException e, jakarta.servlet.http.HttpServletRequest request) {
        return invalid(e, request.getRequestURI());
    }

    /**
     * The error document of an exception thrown while a request for {@code path} was carried out outside an HTTP
     * request (e.g. a request sent through another instance): the same answer the request would have had here.
     */
    public ResponseEntity<Object> answer(Exception e, String path) {
        if (e instanceof ApiException api) {
            return api(api);
        }
        if (e instanceof InvalidProblemException invalid) {
            return invalid(invalid, path);
        }
        if (e instanceof UnsupportedTravelModeException travelMode) {
            return travelMode(travelMode);
        }
        return unexpected(e);
    }

    private ResponseEntity<Object> invalid(InvalidProblemException e, String path) {
        String detail = path.endsWith("/changes")
                ? "the changes have " + e.violations().size() + " error(s); nothing was changed"
                : "the problem has " + e.violations().size() + " error(s); nothing was solved";
        return api(ApiException.validation(detail, e.violations()));
    }

    @ExceptionHandler(UnsupportedTravelModeException.class)
    ResponseEntity<Object> travelMode(UnsupportedTravelModeException e) {
        return api(new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorTypes.UNSUPPORTED_TRAVEL_MODE,
                "Unsupported travel mode", e.getMessage()).with("travelMode", e.mode().jsonName()));
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(BodyTooLargeException e) {
        return problem(ErrorDocuments.tooLarge(e.maxBytes()), new HttpHeaders());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        LOG.error("request failed", e);
        return problem(ErrorDocuments.internal(), new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge(tooLarge);
            }
            if (cause instanceof ApiException api) {
                // a typed body read by DocumentBodies: the violation with its JSON path
                return problem(api.toProblemDetail(), api.headers());
            }
        }
        return problem(ErrorDocuments.of(HttpStatus.BAD_REQUEST, ErrorTypes.MALFORMED_JSON, "Malformed JSON",
                "the request body is missing or is not valid JSON of the expected shape"), headers);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ErrorDocuments.of(HttpStatus.NOT_FOUND, ErrorTypes.NOT_FOUND, "Not found",
                "no such resource: /" + ex.getResourcePath()), headers);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
                problem.setType(ErrorTypes.forStatus(status));
            }
            return problem(problem, headers);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
        HttpHeaders all = new HttpHeaders();
        all.addAll(headers);
        all.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(all).body(problem);
    }
}
