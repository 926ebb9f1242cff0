package org.techroute.solver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.solver.TestData.at;
import static org.techroute.solver.TestData.matrixMinutes;
import static org.techroute.solver.TestData.minutes;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Technician;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.travel.DenseTravelTimeMatrix;
import org.techroute.solver.travel.TravelTimeMatrix;

/**
 * Overbooked days with the route limits of issue 16 (a driving limit per shift, parts on the van), solved with the production
 * configuration: the first plan (the insertion construction alone, step limit 0) and the plan after a bounded local
 * search in {@code TRACKED_FULL_ASSERT} keep every hard constraint, and each route's driving, recomputed here from the
 * matrix, is within its limit, as are the parts its visits need, counted here against the van's stock.
 */
class RouteLimitsSolveTest {

    static RoutePlan overbookedDay(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int locations = 30;
        long[][] minutes = new long[locations][locations];
        int[][] xy = new int[locations][2];
        for (int i = 0; i < locations; i++) {
            xy[i] = new int[] { random.nextInt(50), random.nextInt(50) };
        }
        for (int a = 0; a < locations; a++) {
            for (int b = 0; b < locations; b++) {
                minutes[a][b] = Math.abs(xy[a][0] - xy[b][0]) + Math.abs(xy[a][1] - xy[b][1]);
            }
        }
        DenseTravelTimeMatrix matrix = matrixMinutes(minutes);
        List<Technician> technicians = new ArrayList<>();
        List<Shift> shifts = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Technician technician = technician("t" + t);
            technicians.add(technician);
            Shift shift = shift("s" + t, technician).matrix(matrix).hours(at(8, 0), at(16, 0))
                    .addBreak(at(11, 30), at(12, 30), minutes(30)).build();
            shift.setMaxTravelMillis(minutes(90 + 30 * t));
            shift.setVanStock(new int[] { 2 + t, t });
            shifts.add(shift);
        }
        List<Visit> visits = new ArrayList<>();
        for (int v = 0; v < 30; v++) {
            var builder = visit("v" + v, 1 + random.nextInt(locations - 1)).service(minutes(20 + 10 * random.nextInt(4)));
            if (random.nextInt(3) == 0) {
                int hour = 8 + random.nextInt(6);
                builder.window(at(hour, 0), at(hour + 2, 0));
            }
            Visit visit = builder.build();
            int roll = random.nextInt(6);
            if (roll < 2) {
                visit.setParts(new int[] { roll }, new int[] { 1 }, new String[] { roll == 0 ? "valve" : "pump" });
            } else if (roll == 2) {
                visit.setParts(new int[] { 0, 1 }, new int[] { 1, 1 }, new String[] { "valve", "pump" });
            }
            visits.add(visit);
        }
        return new RoutePlan(technicians, shifts, visits, null);
    }

    private static RoutePlan solve(RoutePlan problem, long steps, EnvironmentMode mode) {
        SolveSettings settings = SolveSettings.of(Duration.ofMinutes(2)).withStepCountLimit(steps).withRandomSeed(1L)
                .withEnvironmentMode(mode);
        return SolverFactory.<RoutePlan> create(TechrouteSolverConfig.create(settings)).buildSolver().solve(problem);
    }

    static long travelMillis(Shift shift) {
        TravelTimeMatrix matrix = shift.getMatrix();
        long travel = 0;
        int from = shift.getStartLocation();
        for (Visit visit : shift.getVisits()) {
            travel += matrix.travelMillis(from, visit.getLocation());
            from = visit.getLocation();
        }
        return shift.getVisits().isEmpty() ? 0 : travel + matrix.travelMillis(from, shift.getEndLocation());
    }

    private static void assertWithinLimits(RoutePlan plan) {
        assertThat(plan.getScore().hardScore()).as("hard score").isZero();
        long assigned = plan.getVisits().stream().filter(v -> v.getShift() != null).count();
        assertThat(assigned).as("visits placed").isGreaterThan(5).isLessThan(plan.getVisits().size());
        for (Shift shift : plan.getShifts()) {
            assertThat(travelMillis(shift)).as("driving of " + shift.getId()).isLessThanOrEqualTo(shift
                    .getMaxTravelMillis());
            int[] needed = new int[2];
            for (Visit visit : shift.getVisits()) {
                for (int i = 0; i < visit.getPartIds().length; i++) {
                    needed[visit.getPartIds()[i]] += visit.getPartQuantities()[i];
                }
            }
            for (int part = 0; part < needed.length; part++) {
                assertThat(needed[part]).as("part " + part + " on " + shift.getId()).isLessThanOrEqualTo(shift
                        .stockOf(part));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4 })
    void theFirstPlanKeepsTheDrivingLimits(long seed) {
        assertWithinLimits(solve(overbookedDay(seed), 0, EnvironmentMode.PHASE_ASSERT));
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2 })
    void aTrackedFullAssertSolveKeepsTheDrivingLimits(long seed) {
        assertWithinLimits(solve(overbookedDay(seed), 100, EnvironmentMode.TRACKED_FULL_ASSERT));
    }
}
