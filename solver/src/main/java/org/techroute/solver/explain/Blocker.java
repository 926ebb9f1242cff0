package org.techroute.solver.explain;

/**
 * Why a visit cannot be served.
 *
 * @param code   {@code TECHNICIAN}, {@code SKILL}, {@code CERTIFICATION}, {@code CAPACITY}, {@code TIME_WINDOW},
 *               {@code SHIFT_HOURS}, or {@code NO_ROOM} (some shift could serve it, the routes have no room left
 *               that is worth it)
 * @param detail a sentence for the dispatcher
 */
public record Blocker(String code, String detail) {
}
