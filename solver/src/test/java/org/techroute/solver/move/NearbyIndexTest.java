package org.techroute.solver.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.solver.TestData.MATRIX;
import static org.techroute.solver.TestData.at;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/** The nearby index shared by the phases and move factories of one solve ({@link NearbyIndex#of}). */
class NearbyIndexTest {

    private static RoutePlan plan() {
        Shift shift = shift("s", technician("t")).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build();
        List<Visit> visits = new ArrayList<>(List.of(visit("a", 1).build(), visit("b", 2).build(),
                visit("c", 3).build(), visit("d", 1).build()));
        return new RoutePlan(List.of(shift.getTechnician()), List.of(shift), visits, null);
    }

    @Test
    void oneIndexPerPlanAndFewerNeighboursAreServedFromIt() {
        RoutePlan plan = plan();
        NearbyIndex three = NearbyIndex.of(plan, 3);
        assertThat(NearbyIndex.of(plan, 3)).as("the same index again").isSameAs(three);
        NearbyIndex two = NearbyIndex.of(plan, 2);
        NearbyIndex built = NearbyIndex.build(plan, 2);
        for (int i = 0; i < plan.getVisits().size(); i++) {
            assertThat(two.nearest(i)).as("visit %d", i).containsExactly(built.nearest(i));
            assertThat(three.nearest(i)).hasSize(3);
        }
        assertThat(two.isFor(plan)).isTrue();
        assertThat(NearbyIndex.of(plan(), 3)).as("another plan object").isNotSameAs(three);
    }

    @Test
    void aChangedVisitListGetsANewIndex() {
        RoutePlan plan = plan();
        NearbyIndex before = NearbyIndex.of(plan, 2);
        plan.getVisits().add(visit("e", 3).build()); // as a problem change adds a visit to the working solution
        NearbyIndex after = NearbyIndex.of(plan, 2);
        assertThat(after).isNotSameAs(before);
        assertThat(after.size()).isEqualTo(5);
        assertThat(before.size()).as("the old index keeps what it was built from").isEqualTo(4);
        plan.getVisits().set(0, visit("a2", 2).build()); // same size, another visit
        assertThat(NearbyIndex.of(plan, 2)).isNotSameAs(after);
    }

    @Test
    void aCloneOfThePlanSharesTheNeighboursAndGetsItsOwnVisits() {
        // Timefold gives each phase a clone of the best solution: new visit objects at the same places
        RoutePlan plan = plan();
        NearbyIndex original = NearbyIndex.of(plan, 3);
        RoutePlan clone = plan();
        NearbyIndex cloned = NearbyIndex.of(clone, 2);
        assertThat(cloned.isFor(clone)).isTrue();
        for (int i = 0; i < clone.getVisits().size(); i++) {
            assertThat(cloned.visit(i)).isSameAs(clone.getVisits().get(i));
            assertThat(cloned.indexOf(clone.getVisits().get(i))).isEqualTo(i);
            assertThat(cloned.nearest(i)).as("visit %d", i).containsExactly(NearbyIndex.build(clone, 2).nearest(i));
            assertThat(cloned.nearest(i)).containsExactly(java.util.Arrays.copyOf(original.nearest(i), 2));
        }
        RoutePlan moved = plan();
        moved.getVisits().set(3, visit("d", 2).build()); // the same visit at another place
        NearbyIndex elsewhere = NearbyIndex.of(moved, 2);
        assertThat(elsewhere.nearest(3)).containsExactly(NearbyIndex.build(moved, 2).nearest(3));
    }
}
