package org.techroute.solver.explain;

/**
 * Why a visit cannot be served.
 *
 * @param code   {@code TECHNICIAN}, {@code SKILL}, {@code CERTIFICATION}, {@code CAPACITY}, {@code PARTS}, {@code TRAVEL_LIMIT},
 *               {@code TIME_WINDOW},
 *               {@code SHIFT_HOURS} (in the order {@link ServiceabilityCheck} checks them; for a visit, the
 *               reason of the shift that passed the most checks), {@code CREW} (a visit of its crew cannot be
 *               served, or not by different technicians), {@code DEPENDENCY} (a visit it follows is unassigned), or {@code NO_ROOM} (some shift could serve it,
 *               the routes have no room left that is worth it)
 * @param detail a sentence for the dispatcher; for a visit, every shift listed under its reason
 */
public record Blocker(String code, String detail) {
}
