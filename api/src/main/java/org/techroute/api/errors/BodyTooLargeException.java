package org.techroute.api.errors;

/** A request body longer than {@code techroute.api.max-body-bytes}, noticed while it was being read. */
public class BodyTooLargeException extends RuntimeException {

    private final long maxBytes;

    public BodyTooLargeException(long maxBytes) {
        super("the request body is larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
