package org.techroute.solver.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.solver.TestData.MATRIX;
import static org.techroute.solver.TestData.at;
import static org.techroute.solver.TestData.minutes;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;
import static org.techroute.solver.TestData.wire;

import org.junit.jupiter.api.Test;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/**
 * The insertion test keeps a route within its shift's driving limit. Route 0-1-3-0 of {@code TestData.MATRIX}
 * drives 10 + 25 + 30 = 65 minutes; v2 (location 2) between 1 and 3 adds 15 + 12 - 25 = 2 minutes, at the end
 * 12 + 20 - 30 = 2 minutes.
 */
class TravelLimitInsertionTest {

    private final Visit v1 = visit("v1", 1).build();
    private final Visit v3 = visit("v3", 3).build();

    private InsertionRoute route(long maxTravelMillis) {
        Shift shift = shift("s", technician("t")).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build();
        shift.setMaxTravelMillis(maxTravelMillis);
        return new InsertionRoute(wire(shift, v1, v3));
    }

    @Test
    void anInsertionWithinTheLimitIsAllowedAndConfirmed() {
        InsertionRoute route = route(minutes(67));
        Visit v2 = visit("v2", 2).build();
        assertThat(route.insertionCost(v2, 1)).isEqualTo(minutes(2));
        assertThat(route.keepsFeasibility(v2, 1)).isTrue();
    }

    @Test
    void anInsertionBeyondTheLimitIsRejectedByTheEstimateAndTheReplay() {
        InsertionRoute route = route(minutes(66));
        Visit v2 = visit("v2", 2).build();
        assertThat(route.insertionCost(v2, 1)).isEqualTo(InsertionRoute.INFEASIBLE);
        assertThat(route.insertionCost(v2, 2)).isEqualTo(InsertionRoute.INFEASIBLE);
        assertThat(route.keepsFeasibility(v2, 1)).isFalse();
    }

    @Test
    void aVisitOnTheWayCostsNothingAndIsAllowedOnARouteAlreadyOverItsLimit() {
        // the route already drives 65 of 60 minutes; a visit at the depot (location 0) before v1 adds no driving
        InsertionRoute route = route(minutes(60));
        Visit atDepot = visit("d", 0).build();
        assertThat(route.insertionCost(atDepot, 0)).isZero();
        assertThat(route.keepsFeasibility(atDepot, 0)).isTrue();
        assertThat(route.keepsFeasibility(visit("v2", 2).build(), 1)).isFalse();
    }

    @Test
    void anEmptyRouteCountsTheWholeRoundTrip() {
        Shift empty = shift("e", technician("t")).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build();
        empty.setMaxTravelMillis(minutes(59));
        InsertionRoute route = new InsertionRoute(empty);
        assertThat(route.insertionCost(visit("x", 3).build(), 0)).isEqualTo(InsertionRoute.INFEASIBLE);
        assertThat(route.keepsFeasibility(visit("x", 3).build(), 0)).isFalse();
        assertThat(route.insertionCost(visit("y", 2).build(), 0)).isEqualTo(minutes(40));
    }
}
