package org.techroute.solver.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;
import static org.techroute.solver.TestData.wire;

import org.junit.jupiter.api.Test;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/** The insertion test counts the parts the route already needs against the van's stock (valve 0, pump 1). */
class VanStockInsertionTest {

    static Visit needing(String id, int part, int quantity) {
        Visit visit = visit(id, 1 + part).build();
        visit.setParts(new int[] { part }, new int[] { quantity }, new String[] { part == 0 ? "valve" : "pump" });
        return visit;
    }

    @Test
    void aVisitFitsWhileTheVanHasThePartsLeft() {
        Shift shift = shift("s", technician("t")).build();
        shift.setVanStock(new int[] { 3, 1 });
        InsertionRoute route = new InsertionRoute(wire(shift, needing("a", 0, 2)));
        assertThat(route.fitsCapacity(needing("b", 0, 1))).isTrue();
        assertThat(route.fitsCapacity(needing("c", 0, 2))).isFalse(); // 2 + 2 > 3
        assertThat(route.fitsCapacity(needing("d", 1, 1))).isTrue();
        assertThat(route.fitsCapacity(visit("none", 2).build())).isTrue();
        assertThat(route.keepsFeasibility(needing("c", 0, 2), 1)).isFalse();
        assertThat(route.keepsFeasibility(needing("b", 0, 1), 1)).isTrue();
    }

    @Test
    void aPartTheVanDoesNotCarryNeverFits() {
        Shift shift = shift("s", technician("t")).build();
        InsertionRoute route = new InsertionRoute(shift);
        assertThat(route.fitsCapacity(needing("a", 1, 1))).isFalse();
        assertThat(route.keepsFeasibility(needing("a", 1, 1), 0)).isFalse();
    }
}
