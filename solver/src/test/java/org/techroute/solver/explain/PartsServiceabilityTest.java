package org.techroute.solver.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.solver.TestData.minutes;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/** A visit that needs more of a part than a van carries cannot be served by that shift: PARTS. */
class PartsServiceabilityTest {

    static Visit needingValves(int quantity) {
        Visit visit = visit("v", 1).skills(Map.of("hvac", 1)).build();
        visit.setParts(new int[] { 0 }, new int[] { quantity }, new String[] { "valve" });
        return visit;
    }

    @Test
    void noVanWithEnoughOfAPartIsAPartsProblem() {
        Shift anna = shift("anna-mon", technician("anna", Map.of("hvac", 1))).build();
        anna.setVanStock(new int[] { 1 });
        Shift ben = shift("ben-mon", technician("ben")).build();
        ben.setVanStock(new int[] { 5 });
        Blocker blocker = ServiceabilityCheck.blocker(needingValves(2), List.of(anna, ben)).orElseThrow();
        assertThat(blocker.code()).isEqualTo("PARTS");
        assertThat(blocker.detail()).isEqualTo("no shift can serve it: PARTS on shift anna-mon: needs 2 of part"
                + " 'valve', the van carries 1; SKILL on shift ben-mon: needs hvac level 1, technician ben has 0");
        assertThat(ServiceabilityCheck.blocker(needingValves(1), List.of(anna, ben))).isEmpty();
    }

    @Test
    void partsAreCheckedBeforeTheTravelLimit() {
        Shift anna = shift("anna-mon", technician("anna", Map.of("hvac", 1))).build();
        anna.setVanStock(new int[] { 1 });
        Shift carl = shift("carl-mon", technician("carl", Map.of("hvac", 1))).build();
        carl.setVanStock(new int[] { 3 });
        carl.setMaxTravelMillis(minutes(5));
        Blocker blocker = ServiceabilityCheck.blocker(needingValves(2), List.of(anna, carl)).orElseThrow();
        assertThat(blocker.code()).isEqualTo("TRAVEL_LIMIT");
    }
}
