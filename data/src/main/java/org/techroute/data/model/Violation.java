package org.techroute.data.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A problem found in the input.
 *
 * @param path     where, as a JSON path, e.g. {@code $.visits[3].timeWindows[0]}
 * @param entityId the id of the technician, shift or visit concerned (null if none)
 * @param message  what is wrong, for a person
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String path, String entityId, String message) {

    @Override
    public String toString() {
        return path + (entityId == null ? "" : " (" + entityId + ")") + ": " + message;
    }
}
