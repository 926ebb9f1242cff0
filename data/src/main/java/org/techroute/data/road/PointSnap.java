package org.techroute.data.road;

/**
 * Where one location landed on the road graph.
 *
 * @param index      position of the location in the caller's list
 * @param query      the location as given
 * @param snapped    the nearest point on a routable road, or {@code null} when snapping failed
 * @param snapMeters distance from {@code query} to {@code snapped}; {@code NaN} when no road was found
 * @param problem    why the location is unusable, or {@code null} when it is fine
 */
public record PointSnap(int index, LatLon query, LatLon snapped, double snapMeters, PointProblem problem) {

    /** True when the location snapped to the main road network within the allowed distance. */
    public boolean ok() {
        return problem == null;
    }
}
