package org.techroute.solver.score;

import static org.techroute.solver.TestData.minutes;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;
import static org.techroute.solver.TestData.wire;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;

import org.junit.jupiter.api.Test;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.justification.ShiftJustification;

/**
 * {@code travelLimit}: a route drives no more than its shift's limit. Fixture travel (TestData.MATRIX): depot 0 to
 * 1 is 10 min, 1 to 2 15 min, 2 to the depot 20 min, so the route 0-1-2-0 drives 45 minutes.
 */
class TravelLimitConstraintTest {

    private final ConstraintVerifier<TechrouteConstraintProvider, RoutePlan> verifier = ConstraintVerifier.build(
            new TechrouteConstraintProvider(), RoutePlan.class, Shift.class, Visit.class);

    private Shift route(long maxTravelMillis, Visit... visits) {
        Shift shift = shift("s1", technician("alice")).build();
        shift.setMaxTravelMillis(maxTravelMillis);
        return wire(shift, visits);
    }

    @Test
    void aRouteWithinItsLimitIsNotPenalized() {
        Visit a = visit("a", 1).build();
        Visit b = visit("b", 2).build();
        Shift s = route(minutes(45), a, b);
        verifier.verifyThat(TechrouteConstraintProvider::travelLimit).given(s, a, b).penalizes(0);
    }

    @Test
    void aShiftWithoutLimitOrWithoutVisitsIsNotPenalized() {
        Visit a = visit("a", 3).build();
        Shift unlimited = route(Long.MAX_VALUE, a);
        verifier.verifyThat(TechrouteConstraintProvider::travelLimit).given(unlimited, a).penalizes(0);
        Shift empty = route(0);
        verifier.verifyThat(TechrouteConstraintProvider::travelLimit).given(empty).penalizes(0);
    }

    @Test
    void drivingBeyondTheLimitIsPenalizedPerSecondWithTheReturnTrip() {
        Visit a = visit("a", 1).build();
        Visit b = visit("b", 2).build();
        // 45 min driven (the last 20 are the return to the depot), limit 40 min: 300 s over
        Shift s = route(minutes(40), a, b);
        verifier.verifyThat(TechrouteConstraintProvider::travelLimit).given(s, a, b)
                .justifiesWithExactly(new ShiftJustification("s1",
                        "the route drives 45.0 min, 5.0 min more than its limit of 40.0 min"))
                .penalizesBy(300);
    }

    @Test
    void aPartSecondCountsAsAWholeSecond() {
        Visit a = visit("a", 1).build();
        Shift s = route(minutes(20) - 1, a);
        verifier.verifyThat(TechrouteConstraintProvider::travelLimit).given(s, a).penalizesBy(1);
    }
}
