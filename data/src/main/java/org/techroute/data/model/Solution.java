package org.techroute.data.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The solved part of a plan.
 *
 * @param score            e.g. {@code 0hard/-10medium/-5400000soft}
 * @param feasible         true when no hard constraint is broken
 * @param routes           one per shift, in the problem's shift order
 * @param unassignedVisits visits not in any route, each with a reason
 * @param constraints      the score broken down per constraint
 * @param warnings         problems found in the input that did not stop solving
 * @param snaps            in {@code road} mode: how far each location was moved onto the road network
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "score", "feasible", "kpis", "routes", "unassignedVisits", "constraints", "warnings", "snaps" })
public record Solution(String score, boolean feasible, Kpis kpis, List<Route> routes,
        List<UnassignedVisit> unassignedVisits, List<ConstraintScore> constraints, List<Violation> warnings,
        List<LocationSnap> snaps) {

    /**
     * A solution with only routes (visit ids in order) and a score: what a client or a change puts in before the
     * plan is described again. Every other field is empty; widen it with the {@code with...} copies.
     */
    public static Solution ofRoutes(String score, boolean feasible, List<Route> routes) {
        return new Solution(score, feasible, null, routes, null, null, null, null);
    }

    /** This solution with other routes; every other field kept. */
    public Solution withRoutes(List<Route> newRoutes) {
        return new Solution(score, feasible, kpis, newRoutes, unassignedVisits, constraints, warnings, snaps);
    }

    /** This solution with another score analysis ({@code null}: without one); every other field kept. */
    public Solution withConstraints(List<ConstraintScore> newConstraints) {
        return new Solution(score, feasible, kpis, routes, unassignedVisits, newConstraints, warnings, snaps);
    }

    /** This solution with other unassigned visits; every other field kept. */
    public Solution withUnassignedVisits(List<UnassignedVisit> newUnassignedVisits) {
        return new Solution(score, feasible, kpis, routes, newUnassignedVisits, constraints, warnings, snaps);
    }
}
