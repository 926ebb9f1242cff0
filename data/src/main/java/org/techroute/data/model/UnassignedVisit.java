package org.techroute.data.model;

/**
 * A visit left out of every route.
 *
 * @param reason a code: {@code SKILL}, {@code CERTIFICATION}, {@code TECHNICIAN}, {@code CAPACITY},
 *               {@code PARTS}, {@code TRAVEL_LIMIT},
 *               {@code TIME_WINDOW}, {@code SHIFT_HOURS} (nothing could ever serve it), {@code CREW} (a visit of its
 *               crew, named in the detail, cannot be served), {@code DEPENDENCY} (a visit it follows is unassigned)
 *               or {@code NO_ROOM}
 *               (a shift could serve it, but the routes have no room left that is worth it)
 * @param detail a sentence for the dispatcher
 */
public record UnassignedVisit(String visitId, Priority priority, String reason, String detail) {
}
