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
 * The O(1) insertion test against hand-computed timings. Route (travel minutes from {@code TestData.MATRIX},
 * 30 min service): leave the depot 08:00, v1 at location 1 arrives 08:10 (window 08:00-09:00), leaves 08:40;
 * v3 at location 3 arrives 09:05, waits for its window 10:00-10:30, leaves 10:30; back at the depot 11:00.
 */
class InsertionRouteTest {

    private final Visit v1 = visit("v1", 1).window(at(8, 0), at(9, 0)).demand(2).build();
    private final Visit v3 = visit("v3", 3).window(at(10, 0), at(10, 30)).demand(1).build();
    private final Shift shift = wire(shift("s", technician("t")).matrix(MATRIX).hours(at(8, 0), at(17, 0))
            .capacity(3).build(), v1, v3);
    private final InsertionRoute route = new InsertionRoute(shift);

    @Test
    void costIsTheExtraTravelOfAFeasibleInsertion() {
        Visit v2 = visit("v2", 2).demand(0).build();
        // 08:40 + 15 = 08:55, leaves 09:25, v3 reached 09:37 and still starts 10:00: +15 +12 -25 minutes
        assertThat(route.insertionCost(v2, 1)).isEqualTo(minutes(2));
        // first: depot -> 2 -> 1 = 20 + 15 - 10; v1 then starts 09:05, after its window: infeasible
        assertThat(route.insertionCost(v2, 0)).isEqualTo(InsertionRoute.INFEASIBLE);
        // last: 3 -> 2 -> depot = 12 + 20 - 30; back at 11:32, well before 17:00
        assertThat(route.insertionCost(v2, 2)).isEqualTo(minutes(2));
    }

    @Test
    void aVisitInFrontOfAnEmergencyPaysForTheWaitItAddsToIt() {
        // e (CRITICAL, location 2, 60 min, no window: waited for from the shift start 08:00) starts 08:20
        Visit e = visit("e", 2).service(minutes(60)).priority(org.techroute.solver.domain.Priority.CRITICAL).build();
        Shift alone = wire(shift("e-shift", technician("t")).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build(), e);
        InsertionRoute emergency = new InsertionRoute(alone);
        Visit x = visit("x", 1).build();
        long weight = 3;
        // x first: depot -> 1 -> 2 = 10 + 15 - 20 = 5 min detour; x leaves 08:40, e starts 08:55: 35 min later
        assertThat(emergency.insertionCost(x, 0, weight)).isEqualTo(minutes(5) + weight * minutes(35));
        // x after e: 2 -> 1 -> depot = 15 + 10 - 20 = 5 min, nobody waits
        assertThat(emergency.insertionCost(x, 1, weight)).isEqualTo(minutes(5));
        // without the urgency weight, the two cost the same
        assertThat(emergency.insertionCost(x, 0)).isEqualTo(emergency.insertionCost(x, 1));
    }

    @Test
    void aPushAbsorbedByAWaitCostsNothing() {
        // v3 waits from 09:05 to its window at 10:00: a visit before it delays nobody urgent (there is none), and
        // a HIGH v3 would not start later either
        Visit high3 = visit("h3", 3).window(at(10, 0), at(10, 30)).priority(org.techroute.solver.domain.Priority.HIGH)
                .build();
        Visit a = visit("a", 1).window(at(8, 0), at(9, 0)).build();
        Shift withHigh = wire(shift("h", technician("t")).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build(), a,
                high3);
        InsertionRoute high = new InsertionRoute(withHigh);
        Visit v2 = visit("v2", 2).build();
        assertThat(high.insertionCost(v2, 1, 5)).isEqualTo(high.insertionCost(v2, 1));
    }

    @Test
    void rejectsAnInsertionThatStartsTheVisitAfterItsWindow() {
        Visit early = visit("early", 2).window(at(9, 0), at(9, 10)).build();
        assertThat(route.insertionCost(early, 2)).isEqualTo(InsertionRoute.INFEASIBLE); // would start 10:42
        assertThat(route.insertionCost(early, 1)).isEqualTo(minutes(2)); // starts 09:00
    }

    @Test
    void rejectsAnInsertionThatPushesALaterVisitPastItsWindow() {
        Visit long1 = visit("long", 2).service(minutes(60)).window(at(10, 0), at(10, 20)).build();
        // starts 10:00, leaves 11:00, v3 reached 11:12 > 10:30
        assertThat(route.insertionCost(long1, 1)).isEqualTo(InsertionRoute.INFEASIBLE);
    }

    @Test
    void rejectsAnInsertionThatEndsTheDayAfterShiftEndPlusOvertime() {
        Visit allDay = visit("allDay", 2).service(minutes(6 * 60)).build();
        // after v3: starts 10:42, leaves 16:42, back at the depot 17:02 > 17:00
        assertThat(route.insertionCost(allDay, 2)).isEqualTo(InsertionRoute.INFEASIBLE);
        Shift withOvertime = wire(shift("o", technician("t")).matrix(MATRIX).hours(at(8, 0), at(17, 0))
                .maxOvertime(minutes(5)).capacity(3).build(), visit("a", 1).window(at(8, 0), at(9, 0)).build(),
                visit("b", 3).window(at(10, 0), at(10, 30)).build());
        assertThat(new InsertionRoute(withOvertime).insertionCost(allDay, 2)).isEqualTo(minutes(2));
    }

    @Test
    void capacityCountsTheLoadAlreadyOnTheRoute() {
        assertThat(route.fitsCapacity(visit("one", 2).demand(1).build())).isFalse(); // 2 + 1 + 1 > 3
        assertThat(route.fitsCapacity(visit("none", 2).demand(0).build())).isTrue();
        route.visits.remove(v3);
        route.refresh();
        assertThat(route.fitsCapacity(visit("one", 2).demand(1).build())).isTrue();
    }

    @Test
    void anEmptyRouteCostsTheRoundTrip() {
        Shift empty = shift("e", technician("t")).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build();
        assertThat(new InsertionRoute(empty).insertionCost(visit("x", 3).build(), 0)).isEqualTo(minutes(60));
    }

    @Test
    void anUrgentVisitAlsoCostsItsWaitFromTheFirstWindowOpening() {
        Visit critical = visit("c", 2).priority(org.techroute.solver.domain.Priority.CRITICAL).build();
        Visit high = visit("h", 2).priority(org.techroute.solver.domain.Priority.HIGH).build();
        // at position 1 service starts 08:55 (55 min after the shift start), at position 2 at 10:42 (162 min)
        assertThat(route.insertionCost(critical, 1, 1)).isEqualTo(minutes(2) + minutes(55));
        assertThat(route.insertionCost(critical, 2, 1)).isEqualTo(minutes(2) + minutes(162));
        assertThat(route.insertionCost(high, 2, 1)).isEqualTo(minutes(2) + minutes(162) / 4);
        assertThat(route.insertionCost(critical, 2, 0)).as("weight 0: travel only").isEqualTo(minutes(2));
        assertThat(route.insertionCost(visit("n", 2).build(), 2, 1)).as("NORMAL: travel only").isEqualTo(minutes(2));
    }

    @Test
    void anEmergencyMayPushOutALaterVisitOfLowerPriorityButNotACriticalOne() {
        Visit emergency = visit("e", 2).service(minutes(60)).priority(org.techroute.solver.domain.Priority.CRITICAL)
                .build();
        // at position 1 it starts 08:55 and ends 09:55: v3 would be reached 10:07, inside its window: nothing out
        assertThat(route.ejectionFor(emergency, 1, 2)).isEmpty();
        Visit longer = visit("l", 2).service(minutes(120)).priority(org.techroute.solver.domain.Priority.CRITICAL)
                .build();
        // ends 10:55: v3 (window to 10:30) would be late, so v3 goes out
        assertThat(route.insertionCost(longer, 1)).isEqualTo(InsertionRoute.INFEASIBLE);
        assertThat(route.ejectionFor(longer, 1, 2)).containsExactly(v3);
        assertThat(route.ejectionFor(longer, 1, 0)).as("nothing may go out").isNull();

        Visit critical3 = visit("c3", 3).window(at(10, 0), at(10, 30))
                .priority(org.techroute.solver.domain.Priority.CRITICAL).build();
        Shift withCritical = wire(shift("k", technician("t")).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build(),
                visit("a", 1).window(at(8, 0), at(9, 0)).build(), critical3);
        assertThat(new InsertionRoute(withCritical).ejectionFor(longer, 1, 2)).as("a CRITICAL visit stays").isNull();
    }
}
