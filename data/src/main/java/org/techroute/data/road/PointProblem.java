package org.techroute.data.road;

/**
 * One location that cannot be used on the road graph.
 *
 * @param index   position of the location in the caller's list
 * @param reason  machine-readable reason
 * @param message human-readable explanation naming the location and the numbers involved
 */
public record PointProblem(int index, RoadProblem reason, String message) {
}
