package org.techroute.solver.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.solver.TestData.MATRIX;
import static org.techroute.solver.TestData.at;
import static org.techroute.solver.TestData.matrixMinutes;
import static org.techroute.solver.TestData.minutes;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;
import static org.techroute.solver.TestData.wire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.score.director.ScoreDirectorFactoryConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.techroute.solver.domain.Priority;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Technician;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.score.TechrouteConstraintProvider;
import org.techroute.solver.travel.DenseTravelTimeMatrix;

/**
 * The insertion construction alone on overbooked days with lunch breaks, long visits and tight windows, where the
 * O(1) estimate of a position (which ignores breaks) accepts insertions that break a hard constraint. Each
 * insertion must be confirmed, so the construction's plan stays feasible, and it must not be thrown away: before
 * the confirmation, such a plan scored worse than the empty one and Timefold kept the empty plan.
 */
class InsertionConstructionTest {

    private static RoutePlan overbookedDay(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int locations = 40;
        long[][] minutes = new long[locations][locations];
        int[][] xy = new int[locations][2];
        for (int i = 0; i < locations; i++) {
            xy[i] = new int[] { random.nextInt(60), random.nextInt(60) };
        }
        for (int a = 0; a < locations; a++) {
            for (int b = 0; b < locations; b++) {
                minutes[a][b] = Math.abs(xy[a][0] - xy[b][0]) + Math.abs(xy[a][1] - xy[b][1]);
            }
        }
        DenseTravelTimeMatrix matrix = matrixMinutes(minutes);
        List<Technician> technicians = new ArrayList<>();
        List<Shift> shifts = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Technician technician = technician("t" + t);
            technicians.add(technician);
            shifts.add(shift("s" + t, technician).matrix(matrix).hours(at(8, 0), at(17, 0))
                    .maxOvertime(minutes(30)).addBreak(at(11, 30), at(12, 30), minutes(30)).build());
        }
        List<Visit> visits = new ArrayList<>();
        for (int v = 0; v < 60; v++) {
            int roll = random.nextInt(10);
            Priority priority = roll == 0 ? Priority.CRITICAL : roll < 3 ? Priority.HIGH : Priority.NORMAL;
            var builder = visit("v" + v, 1 + random.nextInt(locations - 1))
                    .service(minutes(30 + 15 * random.nextInt(7))).priority(priority);
            int hour = 8 + random.nextInt(8);
            builder.window(at(hour, 0), at(Math.min(17, hour + 1 + random.nextInt(3)), 0));
            visits.add(builder.build());
        }
        return new RoutePlan(technicians, shifts, visits, null);
    }

    private static RoutePlan construct(RoutePlan problem) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(RoutePlan.class)
                .withEntityClasses(Shift.class, Visit.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(TechrouteConstraintProvider.class))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofMinutes(1)))
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommands(new InsertionConstruction()));
        return SolverFactory.<RoutePlan> create(config).buildSolver().solve(problem);
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8 })
    void anOverbookedDayWithBreaksGetsAFeasiblePlanThatIsKept(long seed) {
        RoutePlan plan = construct(overbookedDay(seed));

        long assigned = plan.getVisits().stream().filter(v -> v.getShift() != null).count();
        assertThat(plan.getScore().hardScore()).as("hard score").isZero();
        assertThat(assigned).as("visits placed by the construction").isGreaterThan(10);
        // independent of the score: replay each route and check breaks, windows and shift end
        for (Shift shift : plan.getShifts()) {
            InsertionRoute route = new InsertionRoute(shift);
            assertThat(route.violationMillis()).as(shift.getId()).isZero();
        }
    }

    @Test
    void aVisitGoesAfterAnEmergencyRatherThanDelayItWhenBothPositionsCostTheSameDetour() {
        // e (CRITICAL, location 2, 60 min, no window) is planned at 08:20. x (location 1) costs 5 min of detour
        // before e (depot -> 1 -> 2) and after it (2 -> 1 -> depot), but before it e would start 35 min later
        Visit e = visit("e", 2).service(minutes(60)).priority(Priority.CRITICAL).build();
        Visit x = visit("x", 1).build();
        Shift shift = wire(shift("s", technician("t")).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build(), e);
        RoutePlan plan = construct(new RoutePlan(List.of(shift.getTechnician()), List.of(shift), List.of(e, x),
                null));

        assertThat(plan.getShifts().get(0).getVisits()).extracting(Visit::getId).containsExactly("e", "x");
        assertThat(plan.getScore().hardScore()).isZero();
    }
}
