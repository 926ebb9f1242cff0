package org.techroute.solver.domain;

/**
 * How a shift's route ends: arrival at the end location, the end of the working day after any break still
 * due, and how late those last breaks started.
 */
public record RouteEnd(long arrivalMillis, long endMillis, int breaksDone, long breakLatenessMillis) {
}
