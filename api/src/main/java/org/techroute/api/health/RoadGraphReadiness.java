package org.techroute.api.health;

/**
 * Whether the road graph is loaded. The road-network integration registers a bean of this type; until it says
 * {@link #isReady() ready}, the readiness probe ({@code /actuator/health/readiness}) is DOWN so that no traffic
 * is routed to an instance that would answer road problems with 422. Without such a bean the service has no road
 * graph (straight-line modes only) and is ready at once.
 */
public interface RoadGraphReadiness {

    boolean isReady();

    /** A sentence for the health details, e.g. "loading graph-cache/liechtenstein (CH preparation)". */
    String describe();
}
