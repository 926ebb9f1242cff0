package org.techroute.api.errors;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** The stable {@code type} URIs of the service's error documents (RFC 9457 problem details). */
public final class ErrorTypes {

    public static final String BASE = "https://techroute.org/problems/";
    public static final URI VALIDATION = URI.create(BASE + "validation");
    public static final URI MALFORMED_JSON = URI.create(BASE + "malformed-json");
    public static final URI BAD_REQUEST = URI.create(BASE + "bad-request");
    public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");
    public static final URI NOT_ACCEPTABLE = URI.create(BASE + "not-acceptable");
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");
    public static final URI TOO_LARGE = URI.create(BASE + "too-large");
    public static final URI QUEUE_FULL = URI.create(BASE + "queue-full");
    public static final URI TOO_MANY_REQUESTS = URI.create(BASE + "too-many-requests");
    public static final URI CONFLICT = URI.create(BASE + "conflict");
    public static final URI IDEMPOTENCY_KEY_REUSED = URI.create(BASE + "idempotency-key-reused");
    public static final URI UNSUPPORTED_TRAVEL_MODE = URI.create(BASE + "unsupported-travel-mode");
    public static final URI NO_MAP_GEOMETRY = URI.create(BASE + "no-map-geometry");
    public static final URI UNAVAILABLE = URI.create(BASE + "unavailable");
    public static final URI INTERNAL = URI.create(BASE + "internal");

    private ErrorTypes() {
    }

    /** The default type of a status (for errors raised by Spring itself). */
    public static URI forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> VALIDATION;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> UNAVAILABLE;
            default -> status.is5xxServerError() ? INTERNAL : URI.create(BASE + "http-" + status.value());
        };
    }

    static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error " + status.value() : known.getReasonPhrase();
    }
}
