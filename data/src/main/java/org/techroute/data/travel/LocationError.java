package org.techroute.data.travel;

/**
 * A location a matrix could not be built for, by its index in the list given to the {@link MatrixSource}.
 * The caller translates the index into the visit or technician the location belongs to.
 *
 * @param code    e.g. {@code TOO_FAR}, {@code OUTSIDE_MAP}, {@code DISCONNECTED}
 * @param message for a person, without the index (the caller names the entity)
 */
public record LocationError(int index, String code, String message) {
}
