package org.techroute.solver.move;

import java.util.List;

import org.techroute.solver.domain.PartsNeed;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.travel.TravelTimeMatrix;

/**
 * The hard limits of a route that do not depend on its timing: the driving limit of the shift
 * ({@code maxTravelSeconds}) and the parts on its van ({@code vanStock}, {@link PartsNeed}). An insertion keeps a route feasible only if it makes none of them worse
 * ({@link Excess#noWorseThan}); {@link InsertionRoute} checks them next to its replay of the times.
 */
final class RouteLimits {

    private RouteLimits() {
    }

    /**
     * How far a route breaks its limits.
     *
     * @param travelMillis       the route's driving (0 when the shift has no driving limit: not computed)
     * @param travelExcessMillis driving above the shift's limit
     * @param parts              the parts the route needs
     * @param partsShortfall     part units needed beyond the van's stock
     */
    record Excess(long travelMillis, long travelExcessMillis, PartsNeed parts, long partsShortfall) {

        boolean noWorseThan(Excess before) {
            return travelExcessMillis <= before.travelExcessMillis && partsShortfall <= before.partsShortfall;
        }

        /**
         * Whether {@code extraTravelMillis} more driving keeps the route within its limit, or at least no further
         * beyond it than it is. O(1).
         */
        boolean travelAllows(Shift shift, long extraTravelMillis) {
            long limit = shift.getMaxTravelMillis();
            if (limit == Long.MAX_VALUE || extraTravelMillis <= 0) {
                return true;
            }
            return travelMillis + extraTravelMillis <= Math.max(limit, travelMillis);
        }
    }

    /** The excess of {@code route} with {@code extra} inserted at {@code position} (none if negative). */
    static Excess excess(Shift shift, List<Visit> route, int position, Visit extra) {
        int n = route.size() + (position < 0 ? 0 : 1);
        PartsNeed parts = PartsNeed.of(route, position, extra);
        long limit = shift.getMaxTravelMillis();
        if (n == 0 || limit == Long.MAX_VALUE) {
            // no driving limit (the usual case): the route's driving is never asked for, so it is not walked
            return new Excess(0, 0, parts, n == 0 ? 0 : parts.shortfall(shift));
        }
        TravelTimeMatrix matrix = shift.getMatrix();
        long travel = 0;
        int from = shift.getStartLocation();
        for (int i = 0; i < n; i++) {
            Visit visit = position < 0 || i < position ? route.get(i) : i == position ? extra : route.get(i - 1);
            travel += matrix.travelMillis(from, visit.getLocation());
            from = visit.getLocation();
        }
        travel += matrix.travelMillis(from, shift.getEndLocation());
        return new Excess(travel, Math.max(0, travel - limit), parts, parts.shortfall(shift));
    }
}
