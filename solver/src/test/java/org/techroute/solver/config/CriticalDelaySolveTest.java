package org.techroute.solver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.solver.TestData.MATRIX;
import static org.techroute.solver.TestData.at;
import static org.techroute.solver.TestData.minutes;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;
import static org.techroute.solver.TestData.wire;

import java.time.Duration;
import java.util.List;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;

import org.junit.jupiter.api.Test;
import org.techroute.solver.domain.Priority;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/**
 * Issue 12, day 59 of the day simulator: a CRITICAL emergency was kept waiting five hours because serving it first
 * would leave a NORMAL visit out, and a visit left out weighed medium while the emergency's wait weighed soft. With
 * {@code criticalDelay} the wait beyond its first hour weighs medium too: the production configuration serves the
 * emergency first and leaves the NORMAL visit for another day. Day (travel from {@code TestData.MATRIX}): s1 (08:00-12:00)
 * serves x (NORMAL, 3 h, window 08:00-09:00); s2 (08:00-17:00) serves y (NORMAL, 5 h, window 08:00-09:00) and then
 * the emergency e (1 h, no window) at 13:42. Before x or y, e starts at 08:20, and x or y then misses its window.
 */
class CriticalDelaySolveTest {

    private static RoutePlan day() {
        Visit x = visit("x", 1).service(minutes(180)).window(at(8, 0), at(9, 0)).build();
        Visit y = visit("y", 3).service(minutes(300)).window(at(8, 0), at(9, 0)).build();
        Visit e = visit("e", 2).service(minutes(60)).priority(Priority.CRITICAL).build();
        Shift s1 = wire(shift("s1", technician("t1")).matrix(MATRIX).hours(at(8, 0), at(12, 0)).build(), x);
        Shift s2 = wire(shift("s2", technician("t2")).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build(), y, e);
        return new RoutePlan(List.of(s1.getTechnician(), s2.getTechnician()), List.of(s1, s2), List.of(x, y, e), null);
    }

    @Test
    void theEmergencyIsServedFirstAndANormalVisitWaitsForAnotherDay() {
        RoutePlan before = day();
        Visit lateEmergency = before.getVisits().get(2);
        assertThat(lateEmergency.getTiming().serviceStartMillis()).as("the plan it starts from").isEqualTo(at(13, 42));
        assertThat(lateEmergency.criticalDelayMinutes()).isEqualTo(282);

        SolveSettings settings = SolveSettings.of(Duration.ofMinutes(2)).withStepCountLimit(40L).withRandomSeed(1L)
                .withEnvironmentMode(EnvironmentMode.TRACKED_FULL_ASSERT);
        RoutePlan plan = SolverFactory.<RoutePlan> create(TechrouteSolverConfig.create(settings)).buildSolver()
                .solve(before);

        Visit e = plan.getVisits().stream().filter(v -> v.getId().equals("e")).findFirst().orElseThrow();
        assertThat(plan.getScore().hardScore()).isZero();
        assertThat(e.getShift()).as("the emergency is served").isNotNull();
        assertThat(e.getTiming().serviceStartMillis()).as("the emergency starts within its first hour")
                .isLessThanOrEqualTo(at(9, 0));
        long normalOut = plan.getVisits().stream().filter(v -> v.getShift() == null).count();
        assertThat(normalOut).as("one NORMAL visit left out").isEqualTo(1);
        assertThat(plan.getScore().mediumScore()).isEqualTo(-Priority.NORMAL.unassignedWeight());
    }
}
