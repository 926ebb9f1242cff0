package org.techroute.solver.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.solver.TestData.MATRIX;
import static org.techroute.solver.TestData.at;
import static org.techroute.solver.TestData.minutes;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;
import static org.techroute.solver.TestData.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.techroute.solver.domain.Priority;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/**
 * {@link Recreate#moveSooner}: a CRITICAL visit planned late goes where it is served sooner, even when that pushes a
 * NORMAL visit out, which the one-visit moves cannot reach through feasible plans. Day (travel from
 * {@code TestData.MATRIX}): s1 serves x (NORMAL, 3 h, window 08:00-09:00) at 08:10; s2 serves y (NORMAL, 5 h, window
 * 08:00-09:00) at 08:30 and then the emergency e (1 h, no window) at 13:42. Before x or y, e starts at 08:20, and x
 * or y can then no longer start inside its window.
 */
class CriticalSoonerTest {

    private Visit x;
    private Visit y;
    private Visit e;
    private Shift s1;
    private Shift s2;
    private Recreate recreate;

    private void day() {
        x = visit("x", 1).service(minutes(180)).window(at(8, 0), at(9, 0)).build();
        y = visit("y", 3).service(minutes(300)).window(at(8, 0), at(9, 0)).build();
        e = visit("e", 2).service(minutes(60)).priority(Priority.CRITICAL).build();
        s1 = wire(shift("s1", technician("t1")).matrix(MATRIX).hours(at(8, 0), at(12, 0)).build(), x);
        s2 = wire(shift("s2", technician("t2")).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build(), y, e);
        RoutePlan plan = new RoutePlan(List.of(s1.getTechnician(), s2.getTechnician()), List.of(s1, s2),
                List.of(x, y, e), null);
        recreate = new Recreate(plan, NearbyIndex.build(plan, 10));
    }

    @Test
    void theEmergencyGoesFirstAndTheVisitItPushesOutIsLeftOrPlacedElsewhere() {
        int moved = 0;
        for (long seed = 0; seed < 40; seed++) {
            day();
            assertThat(recreate.urgentVisits()).containsExactly(e);
            Recreate.Routes routes = recreate.newRoutes();
            if (!recreate.moveSooner(routes, e, new Random(seed))) {
                continue;
            }
            moved++;
            InsertionRoute route = routes.routeOf(e);
            assertThat(route).as("seed %d: e is planned", seed).isNotNull();
            assertThat(route.visits.indexOf(e)).as("seed %d: e first, at 08:20: %s on %s", seed, route.visits, route.shift.getId()).isZero();
            for (Shift shift : List.of(s1, s2)) {
                assertThat(routes.of(shift).violationMillis()).as("seed %d: %s stays feasible", seed, shift.getId())
                        .isZero();
            }
            RoutesMove move = routes.toMove("CriticalSooner");
            assertThat(move).isNotNull();
            List<Visit> everywhere = new ArrayList<>(routes.of(s1).visits);
            everywhere.addAll(routes.of(s2).visits);
            assertThat(everywhere).as("seed %d: nobody twice", seed).doesNotHaveDuplicates().contains(e);
            // x or y was pushed out; with no room elsewhere it is left unassigned
            assertThat(everywhere).as("seed %d", seed).hasSize(2);
        }
        assertThat(moved).as("moves found over 40 seeds").isGreaterThan(10);
    }

    @Test
    void anEmergencyAlreadyServedFirstIsNotMoved() {
        day();
        wire(s2, e, y);
        wire(s1, x);
        // e at 08:20 on s2, y then starts after its window: the route is as it is; nothing cheaper than 08:20
        for (long seed = 0; seed < 10; seed++) {
            assertThat(recreate.moveSooner(recreate.newRoutes(), e, new Random(seed))).isFalse();
        }
    }

    @Test
    void aStartedEmergencyIsNotAnUrgentVisitToMove() {
        day();
        e.setStarted(at(13, 42), null);
        assertThat(recreate.urgentVisits()).isEmpty();
    }
}
