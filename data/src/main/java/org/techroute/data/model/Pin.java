package org.techroute.data.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Fixes a visit that is started or done to a shift and a position in its route (0 = first). Pinned visits
 * of a shift take the first positions of its route and never move.
 *
 * @param start when service actually started (optional; without it the pinned visit is timed as planned)
 * @param end   when it ended or is now expected to end (optional; default start plus service duration)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pin(String shiftId, Integer position, OffsetDateTime start, OffsetDateTime end) {

    public Pin(String shiftId, Integer position) {
        this(shiftId, position, null, null);
    }

    /** This pin at another position. */
    public Pin withPosition(Integer newPosition) {
        return new Pin(shiftId, newPosition, start, end);
    }
}
