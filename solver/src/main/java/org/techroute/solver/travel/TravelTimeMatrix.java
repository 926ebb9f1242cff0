package org.techroute.solver.travel;

/**
 * Travel time and distance between every pair of locations of one problem, computed before solving.
 * <p>
 * Locations are identified by their index {@code 0..size()-1}; the mapping from a real location
 * (a road point, a lat/lon pair, an x/y coordinate) to an index belongs to whoever built the matrix.
 * Implementations must be immutable, thread-safe and fast: the solver calls {@link #travelMillis}
 * millions of times per second.
 */
public interface TravelTimeMatrix {

    /** Number of locations; valid indexes are {@code 0..size()-1}. */
    int size();

    /**
     * Travel time from one location to another in milliseconds (0 on the diagonal).
     * Milliseconds, not seconds, so that Euclidean benchmark instances keep their fractional
     * distances; road matrices are whole seconds times 1000.
     */
    long travelMillis(int from, int to);

    /** Travel distance from one location to another in meters (0 on the diagonal). */
    double distanceMeters(int from, int to);
}
