package org.techroute.data.road;

/** Why a location cannot be used on the road graph. */
public enum RoadProblem {
    /** The nearest routable road is farther than the configured maximum snap distance. */
    TOO_FAR,
    /** The location lies outside the area covered by the road graph. */
    OUTSIDE_MAP,
    /** The nearest road is cut off from the main road network (nothing can be reached from/to it). */
    DISCONNECTED
}
