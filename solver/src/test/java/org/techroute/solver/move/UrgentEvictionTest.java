package org.techroute.solver.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.solver.TestData.MATRIX;
import static org.techroute.solver.TestData.at;
import static org.techroute.solver.TestData.minutes;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;
import static org.techroute.solver.TestData.wire;
import static org.techroute.solver.move.UrgentPolishTest.polishOnly;
import static org.techroute.solver.move.UrgentPolishTest.visitOf;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.techroute.solver.domain.Priority;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/**
 * Day 86 of the day simulator with every optional feature (200 days from seed 1): a CRITICAL emergency that only
 * one technician may serve stayed unassigned, because his shift's driving limit left no room for it beside the
 * visits he had not started, and {@link UrgentPolish} only tried inserting it. Here (travel from
 * {@code TestData.MATRIX}): shift s1 from location 0 drives at most 60 minutes and serves x (NORMAL, location 3:
 * 30 + 30 minutes); the emergency e (CRITICAL, location 1, a skill only t1 has) adds 5 minutes of driving whatever
 * its position (0-1-3-0 = 65). Without x the route drives 20 minutes. The day is better with e served and x left
 * out (or served by s2).
 */
class UrgentEvictionTest {

    private Visit x;
    private Visit y;
    private Visit e;
    private Shift s1;
    private Shift s2;

    private RoutePlan day(boolean crew) {
        x = visit("x", 3).service(minutes(30)).build();
        y = visit("y", 3).service(minutes(30)).build();
        e = visit("e", 1).service(minutes(60)).skills(Map.of("gas", 1)).priority(Priority.CRITICAL).build();
        s1 = shift("s1", technician("t1", Map.of("gas", 1))).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build();
        s1.setMaxTravelMillis(minutes(60));
        s2 = shift("s2", technician("t2")).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build();
        s2.setMaxTravelMillis(minutes(60));
        wire(s1, x);
        if (crew) {
            // x and y form a crew: served together by t1 and t2, or not at all
            x.setCrew("c1", List.of(y));
            y.setCrew("c1", List.of(x));
            wire(s2, y);
        } else {
            wire(s2);
        }
        List<Visit> visits = crew ? List.of(x, y, e) : List.of(x, e);
        return new RoutePlan(List.of(s1.getTechnician(), s2.getTechnician()), List.of(s1, s2), visits, null);
    }

    @Test
    void aVisitIsLeftOutToServeTheEmergency() {
        RoutePlan plan = polishOnly(day(false));
        assertThat(visitOf(plan, "e").getShift()).as("the emergency is served").isNotNull();
        assertThat(visitOf(plan, "e").getShift().getId()).isEqualTo("s1");
        assertThat(plan.getScore().hardScore()).isZero();
        Visit left = visitOf(plan, "x");
        assertThat(left.getShift() == null || left.getShift().getId().equals("s2"))
                .as("x is left out of s1 (%s)", left.getShift()).isTrue();
    }

    @Test
    void aCrewIsLeftOutWhole() {
        RoutePlan plan = polishOnly(day(true));
        assertThat(visitOf(plan, "e").getShift()).as("the emergency is served").isNotNull();
        assertThat(plan.getScore().hardScore()).isZero();
        assertThat(visitOf(plan, "x").getShift()).as("x left out").isNull();
        assertThat(visitOf(plan, "y").getShift()).as("its crew mate too").isNull();
    }

    @Test
    void aStartedVisitIsNotLeftOut() {
        RoutePlan before = day(false);
        s1.setPinnedVisitCount(1);
        x.setStarted(at(8, 30), null);
        RoutePlan plan = polishOnly(before);
        assertThat(visitOf(plan, "x").getShift()).as("the started visit stays").isNotNull();
        assertThat(visitOf(plan, "e").getShift()).as("no room for the emergency").isNull();
    }

    /**
     * Day 176 of the same simulation with the no-worse-medium acceptance: the emergency is served, but late, by a
     * technician whose shift starts at noon; t1 could be there at once if he left x out (his driving limit). The
     * pass makes that room for a served emergency too. (The emergency has a window from 08:00: one without a window
     * counts its wait from the start of the shift that serves it, so the noon shift would not look late.)
     */
    @Test
    void aServedEmergencyMovesToWhoCanComeSoonerWhenRoomIsMade() {
        x = visit("x", 3).service(minutes(30)).build();
        e = visit("e", 1).service(minutes(60)).window(at(8, 0), at(17, 0)).priority(Priority.CRITICAL).build();
        s1 = shift("s1", technician("t1")).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build();
        s1.setMaxTravelMillis(minutes(60));
        s2 = shift("s2", technician("t2")).matrix(MATRIX).hours(at(12, 0), at(17, 0)).build();
        s2.setMaxTravelMillis(minutes(60));
        wire(s1, x);
        wire(s2, e);
        RoutePlan plan = polishOnly(new RoutePlan(List.of(s1.getTechnician(), s2.getTechnician()), List.of(s1, s2),
                List.of(x, e), null));
        assertThat(visitOf(plan, "e").getShift().getId()).as("the emergency goes to t1, free now").isEqualTo("s1");
        assertThat(plan.getScore().hardScore()).isZero();
        Visit left = visitOf(plan, "x");
        assertThat(left.getShift() == null || left.getShift().getId().equals("s2"))
                .as("x is left out of s1 (%s)", left.getShift()).isTrue();
    }
}
