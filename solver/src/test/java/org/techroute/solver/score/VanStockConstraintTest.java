package org.techroute.solver.score;

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

/** {@code vanStock}: a route's visits never need more of a part than its van carries. Parts 0 "valve", 1 "pump". */
class VanStockConstraintTest {

    private final ConstraintVerifier<TechrouteConstraintProvider, RoutePlan> verifier = ConstraintVerifier.build(
            new TechrouteConstraintProvider(), RoutePlan.class, Shift.class, Visit.class);

    static Visit needing(String id, int valves, int pumps) {
        Visit visit = visit(id, 1).build();
        if (valves > 0 && pumps > 0) {
            visit.setParts(new int[] { 0, 1 }, new int[] { valves, pumps }, new String[] { "valve", "pump" });
        } else if (valves > 0) {
            visit.setParts(new int[] { 0 }, new int[] { valves }, new String[] { "valve" });
        } else if (pumps > 0) {
            visit.setParts(new int[] { 1 }, new int[] { pumps }, new String[] { "pump" });
        }
        return visit;
    }

    static Shift van(int valves, int pumps, Visit... visits) {
        Shift shift = shift("s1", technician("alice")).build();
        shift.setVanStock(new int[] { valves, pumps });
        return wire(shift, visits);
    }

    @Test
    void enoughStockIsNotPenalized() {
        Visit a = needing("a", 2, 0);
        Visit b = needing("b", 1, 1);
        Visit c = needing("c", 0, 0);
        Shift s = van(3, 1, a, b, c);
        verifier.verifyThat(TechrouteConstraintProvider::vanStock).given(s, a, b, c).penalizes(0);
    }

    @Test
    void missingUnitsArePenalizedPerUnitOverEveryPart() {
        Visit a = needing("a", 2, 1);
        Visit b = needing("b", 2, 1);
        // valves: 4 needed, 3 carried -> 1; pumps: 2 needed, none carried -> 2
        Shift s = van(3, 0, a, b);
        verifier.verifyThat(TechrouteConstraintProvider::vanStock).given(s, a, b)
                .justifiesWithExactly(new ShiftJustification("s1",
                        "the visits need 3 part unit(s) more than the van carries"))
                .penalizesBy(3);
    }

    @Test
    void aVanWithoutStockCarriesNoParts() {
        Visit a = needing("a", 1, 0);
        Shift s = wire(shift("s1", technician("alice")).build(), a);
        verifier.verifyThat(TechrouteConstraintProvider::vanStock).given(s, a).penalizesBy(1);
    }

    @Test
    void anUnassignedVisitIsNotPenalized() {
        Visit a = needing("a", 5, 5);
        verifier.verifyThat(TechrouteConstraintProvider::vanStock).given(van(0, 0), a).penalizes(0);
    }
}
