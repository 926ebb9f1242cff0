package org.techroute.api.routes;

import java.util.List;

import org.techroute.data.model.Problem;

/**
 * Draws the routes of a solved plan for maps. The straight-line provider is the fallback; a road provider
 * (polylines from the road graph) takes precedence when it {@link #supports supports} a plan: register it as a
 * bean with a higher precedence ({@code @Order}) than {@link StraightLineRouteGeometry}.
 */
public interface RouteGeometryProvider {

    /** Whether this provider can draw this plan (e.g. a road provider: road travel mode with a loaded graph). */
    boolean supports(Problem plan);

    /** One geometry per route with visits, in the plan's route order. */
    List<RouteGeometry> routes(Problem plan);
}
