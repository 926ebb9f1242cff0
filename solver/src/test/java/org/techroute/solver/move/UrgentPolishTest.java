package org.techroute.solver.move;

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

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;

import org.junit.jupiter.api.Test;
import org.techroute.solver.config.SolveSettings;
import org.techroute.solver.config.TechrouteSolverConfig;
import org.techroute.solver.domain.Priority;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/**
 * Issue 12, day 22 of the day simulator: an emergency was planned behind a 30-minute routine visit a minute away
 * and the re-plan's local search did not swap them. Day (travel from {@code TestData.MATRIX}): one shift 08:00-17:00
 * from location 0 serves x (NORMAL, 30 min, window 08:00-12:00, location 1) and then e (CRITICAL, 90 min, window
 * 08:00-09:30, location 2): e starts at 08:55. Served first, e starts at 08:20 for the same travel.
 */
class UrgentPolishTest {

    private Visit x;
    private Visit e;
    private Shift s1;
    private Shift s2;

    private RoutePlan day() {
        x = visit("x", 1).service(minutes(30)).window(at(8, 0), at(12, 0)).build();
        e = visit("e", 2).service(minutes(90)).window(at(8, 0), at(9, 30)).priority(Priority.CRITICAL).build();
        s1 = wire(shift("s1", technician("t1")).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build(), x, e);
        s2 = wire(shift("s2", technician("t2")).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build());
        return new RoutePlan(List.of(s1.getTechnician(), s2.getTechnician()), List.of(s1, s2), List.of(x, e), null);
    }

    /** The plan after one pass of {@link UrgentPolish} alone, in TRACKED_FULL_ASSERT. */
    static RoutePlan polishOnly(RoutePlan plan) {
        SolverConfig config = TechrouteSolverConfig.create(SolveSettings.of(Duration.ofMinutes(1)));
        config.setPhaseConfigList(List.of(new CustomPhaseConfig().withCustomPhaseCommands(new UrgentPolish())));
        config.setEnvironmentMode(EnvironmentMode.TRACKED_FULL_ASSERT);
        return SolverFactory.<RoutePlan> create(config).buildSolver().solve(plan);
    }

    static Visit visitOf(RoutePlan plan, String id) {
        return plan.getVisits().stream().filter(v -> v.getId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theEmergencyGoesWhereItStartsSoonest() {
        RoutePlan before = day();
        assertThat(e.getTiming().serviceStartMillis()).as("the plan it starts from").isEqualTo(at(8, 55));
        RoutePlan plan = polishOnly(before);
        Visit polished = visitOf(plan, "e");
        assertThat(polished.getTiming().serviceStartMillis()).isEqualTo(at(8, 20));
        assertThat(plan.getScore().hardScore()).isZero();
        assertThat(visitOf(plan, "x").getShift()).as("x still served").isNotNull();
        assertThat(plan.getScore()).isGreaterThan(score(day()));
    }

    @Test
    void aStartedVisitBeforeItStays() {
        RoutePlan before = day();
        s1.setPinnedVisitCount(1);
        x.setStarted(at(8, 10), null);
        RoutePlan plan = polishOnly(before);
        Shift shift = plan.getShifts().get(0);
        assertThat(shift.getVisits().get(0).getId()).as("the started visit stays first").isEqualTo("x");
    }

    @Test
    void anUnassignedEmergencyIsPlaced() {
        RoutePlan before = day();
        wire(s1, x);
        e.setShift(null);
        e.setPreviousVisit(null);
        e.setNextVisit(null);
        e.setTiming(null);
        RoutePlan plan = polishOnly(before);
        assertThat(visitOf(plan, "e").getShift()).as("the emergency is served").isNotNull();
        assertThat(visitOf(plan, "e").getTiming().serviceStartMillis()).isEqualTo(at(8, 20));
    }

    @Test
    void theProductionConfigurationEndsWithThePass() {
        // one step of local search, then the last pass: the emergency is first whatever the step did
        for (long seed = 0; seed < 5; seed++) {
            SolveSettings settings = SolveSettings.of(Duration.ofMinutes(1)).withStepCountLimit(1L)
                    .withRandomSeed(seed).withEnvironmentMode(EnvironmentMode.TRACKED_FULL_ASSERT);
            RoutePlan plan = SolverFactory.<RoutePlan> create(TechrouteSolverConfig.create(settings)).buildSolver()
                    .solve(day());
            assertThat(visitOf(plan, "e").getTiming().serviceStartMillis()).as("seed %d", seed)
                    .isEqualTo(at(8, 20));
        }
    }

    private static HardMediumSoftLongScore score(RoutePlan plan) {
        SolverConfig config = TechrouteSolverConfig.create(SolveSettings.of(Duration.ofMinutes(1)));
        return SolutionManager.<RoutePlan, HardMediumSoftLongScore> create(SolverFactory.create(config)).update(plan);
    }
}
