package org.techroute.solver.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.solver.TestData.MATRIX;
import static org.techroute.solver.TestData.at;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;
import static org.techroute.solver.TestData.wire;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Technician;
import org.techroute.solver.domain.Visit;

class StringRuinTest {

    @Test
    void proposesNothingWithoutShifts() {
        List<Visit> visits = List.of(visit("a", 1).build(), visit("b", 2).build());
        RoutePlan plan = new RoutePlan(List.of(), List.of(), visits, null);
        StringRuin ruin = new StringRuin(new Recreate(plan, NearbyIndex.build(plan, 5)), new Random(1));
        for (int i = 0; i < 20; i++) {
            assertThat(ruin.next()).isNull();
        }
    }

    @Test
    void keepsPinnedVisitsAndEveryOtherVisitExactlyOnce() {
        Technician tech = technician("t");
        Visit pinned = visit("pinned", 3).build();
        Visit a = visit("a", 1).build();
        Visit b = visit("b", 2).build();
        Visit c = visit("c", 1).build();
        Visit d = visit("d", 2).build();
        Shift first = wire(shift("s1", tech).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build(), pinned, a, b);
        first.setPinnedVisitCount(1);
        Shift second = wire(shift("s2", tech).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build(), c, d);
        List<Visit> visits = List.of(pinned, a, b, c, d);
        RoutePlan plan = new RoutePlan(List.of(tech), List.of(first, second), visits, null);
        StringRuin ruin = new StringRuin(new Recreate(plan, NearbyIndex.build(plan, 4)), new Random(3));
        int proposed = 0;
        for (int i = 0; i < 200; i++) {
            RoutesMove move = ruin.next();
            if (move == null) {
                continue;
            }
            proposed++;
            List<Visit> routed = new ArrayList<>();
            for (int s = 0; s < move.shiftCount(); s++) {
                List<Visit> list = move.newList(s);
                if (move.shift(s) == first) {
                    assertThat(list).first().isSameAs(pinned);
                }
                routed.addAll(list);
            }
            for (Shift untouched : plan.getShifts()) {
                if (!move.touches(untouched)) {
                    routed.addAll(untouched.getVisits());
                }
            }
            // everything fits, so every visit is routed exactly once
            assertThat(routed).hasSize(visits.size());
            assertThat(new HashSet<>(routed)).isEqualTo(Set.copyOf(visits));
        }
        assertThat(proposed).isGreaterThan(100);
    }
}
