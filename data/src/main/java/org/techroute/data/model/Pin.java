package org.techroute.data.model;

/**
 * Fixes a visit that is started or done to a shift and a position in its route (0 = first). Pinned visits
 * of a shift take the first positions of its route and never move.
 */
public record Pin(String shiftId, Integer position) {
}
