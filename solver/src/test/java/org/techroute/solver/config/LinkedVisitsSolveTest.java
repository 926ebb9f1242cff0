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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Technician;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.domain.VisitDependency;
import org.techroute.solver.domain.VisitTiming;
import org.techroute.solver.travel.DenseTravelTimeMatrix;

/**
 * Days with crews (visits served together by several technicians at once) and dependencies (a visit after another,
 * with delays, on the same technician if asked), solved with the production configuration. The plans are checked
 * here from the routes alone, not with the solver's score: a crew is served by different technicians who all start
 * at the same time, or not at all; a visit that follows another starts no earlier than its end plus the minimum
 * delay, no later than its end plus the maximum, on its technician if asked, and is unassigned if the other is.
 */
class LinkedVisitsSolveTest {

    // FULL_ASSERT with a step limit: crews alone, dependencies alone, both (two seeds); the first plan alone (step 0)

    static RoutePlan day(long seed, int visitCount) {
        return day(seed, visitCount, true, true);
    }

    static RoutePlan day(long seed, int visitCount, boolean crews, boolean dependencies) {
        SplittableRandom random = new SplittableRandom(seed);
        int locations = 25;
        long[][] minutes = new long[locations][locations];
        int[][] xy = new int[locations][2];
        for (int i = 0; i < locations; i++) {
            xy[i] = new int[] { random.nextInt(40), random.nextInt(40) };
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
            Technician technician = technician("t" + t, t < 2 ? Map.of("electric", 2) : Map.of());
            technicians.add(technician);
            shifts.add(shift("s" + t, technician).matrix(matrix).hours(at(8, 0), at(17, 0))
                    .addBreak(at(11, 30), at(13, 0), minutes(30)).build());
        }
        List<Visit> visits = new ArrayList<>();
        for (int v = 0; v < visitCount; v++) {
            var builder = visit("v" + v, 1 + random.nextInt(locations - 1))
                    .service(minutes(20 + 10 * random.nextInt(4)));
            if (random.nextInt(4) == 0) {
                int hour = 8 + random.nextInt(7);
                builder.window(at(hour, 0), at(hour + 2, 0));
            }
            visits.add(builder.build());
        }
        // crews: an electrician and a helper at the same place, twice; a crew of three once
        visits.set(1, electrician(visits.get(1)));
        visits.set(3, electrician(visits.get(3)));
        if (crews) {
            crew("c1", visits.get(0), visits.get(1));
            crew("c2", visits.get(2), visits.get(3));
            crew("c3", visits.get(4), visits.get(5), visits.get(6));
        }
        if (!dependencies) {
            return new RoutePlan(technicians, shifts, visits, null);
        }
        // dependencies: install then commission (same technician, within 3 hours), a chain, one after a crew
        visits.get(8).setDependencies(List.of(new VisitDependency(visits.get(7), minutes(30), minutes(180), true)));
        visits.get(10).setDependencies(List.of(new VisitDependency(visits.get(9), 0, Long.MAX_VALUE, false)));
        visits.get(11).setDependencies(List.of(new VisitDependency(visits.get(10), minutes(60), Long.MAX_VALUE,
                false)));
        visits.get(12).setDependencies(List.of(new VisitDependency(visits.get(0), 0, Long.MAX_VALUE, false),
                new VisitDependency(visits.get(9), minutes(15), Long.MAX_VALUE, false)));
        return new RoutePlan(technicians, shifts, visits, null);
    }

    private static Visit electrician(Visit visit) {
        Visit copy = new Visit(visit.getId(), visit.getLocation(), visit.getServiceDurationMillis(),
                visit.getTimeWindows(), Map.of("electric", 2), List.of(), visit.getPriority(), java.util.Set.of(),
                java.util.Set.of(), java.util.Set.of(), new int[0]);
        return copy;
    }

    /** Puts the members into one crew. */
    private static void crew(String id, Visit... members) {
        for (Visit member : members) {
            List<Visit> mates = new ArrayList<>();
            for (Visit other : members) {
                if (other != member) {
                    mates.add(other);
                }
            }
            member.setCrew(id, mates);
        }
    }

    static RoutePlan solve(RoutePlan problem, long steps, EnvironmentMode mode) {
        SolveSettings settings = SolveSettings.of(Duration.ofMinutes(2)).withStepCountLimit(steps).withRandomSeed(1L)
                .withEnvironmentMode(mode);
        return SolverFactory.<RoutePlan> create(TechrouteSolverConfig.create(settings, problem)).buildSolver()
                .solve(problem);
    }

    /** The independent check: the rules of crews and dependencies, from the routes and their planned times. */
    static void assertLinksKept(RoutePlan plan) {
        Map<String, List<Visit>> crews = new HashMap<>();
        for (Visit visit : plan.getVisits()) {
            if (visit.getCrewId() != null) {
                crews.computeIfAbsent(visit.getCrewId(), k -> new ArrayList<>()).add(visit);
            }
        }
        for (Map.Entry<String, List<Visit>> crew : crews.entrySet()) {
            List<Visit> members = crew.getValue();
            long served = members.stream().filter(v -> v.getShift() != null).count();
            assertThat(served).as("crew " + crew.getKey() + " all or none").isIn(0L, (long) members.size());
            if (served > 0) {
                assertThat(members.stream().map(v -> v.getShift().getTechnician().getId()).distinct().count())
                        .as("crew " + crew.getKey() + " technicians").isEqualTo(members.size());
                assertThat(members.stream().map(v -> v.getTiming().serviceStartMillis()).distinct().count())
                        .as("crew " + crew.getKey() + " starts").isEqualTo(1);
            }
        }
        for (Visit visit : plan.getVisits()) {
            for (VisitDependency dependency : visit.getDependencies()) {
                Visit before = dependency.before();
                if (before.getShift() == null) {
                    assertThat(visit.getShift()).as(visit.getId() + " unassigned with " + before.getId()).isNull();
                    continue;
                }
                if (visit.getShift() == null) {
                    continue;
                }
                VisitTiming first = before.getTiming();
                long start = visit.getTiming().serviceStartMillis();
                assertThat(start).as(visit.getId() + " after " + before.getId())
                        .isGreaterThanOrEqualTo(first.departureMillis() + dependency.minDelayMillis());
                if (dependency.hasMaxDelay()) {
                    assertThat(start).as(visit.getId() + " soon after " + before.getId())
                            .isLessThanOrEqualTo(first.departureMillis() + dependency.maxDelayMillis());
                }
                if (dependency.sameTechnician()) {
                    assertThat(visit.getShift().getTechnician()).isSameAs(before.getShift().getTechnician());
                }
            }
        }
    }

    @Test
    void theFirstPlanServesCrewsTogetherAndDependentVisitsAfter() {
        RoutePlan solved = solve(day(1, 24), 0, EnvironmentMode.PHASE_ASSERT);
        assertThat(solved.getScore().hardScore()).isZero();
        assertLinksKept(solved);
        assertThat(solved.getVisits().stream().filter(v -> v.getCrewId() != null && v.getShift() != null).count())
                .as("crew visits served").isEqualTo(7);
        assertThat(solved.getVisits().stream().filter(v -> v.getShift() != null).count()).isEqualTo(24);
    }

    @Test
    void aFullAssertSolveKeepsCrewsAlone() {
        RoutePlan solved = solve(day(3, 30, true, false), 150, EnvironmentMode.FULL_ASSERT);
        assertThat(solved.getScore().hardScore()).isZero();
        assertLinksKept(solved);
        assertThat(solved.getVisits().stream().filter(v -> v.getCrewId() != null && v.getShift() != null).count())
                .isPositive();
    }

    @Test
    void aFullAssertSolveKeepsDependenciesAlone() {
        RoutePlan solved = solve(day(3, 30, false, true), 150, EnvironmentMode.FULL_ASSERT);
        assertThat(solved.getScore().hardScore()).isZero();
        assertLinksKept(solved);
        assertThat(solved.getVisits().stream().filter(v -> v.hasDependencies() && v.getShift() != null).count())
                .isPositive();
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2 })
    void aFullAssertSolveKeepsCrewsAndDependencies(long seed) {
        RoutePlan solved = solve(day(seed, 30), 150, EnvironmentMode.FULL_ASSERT);
        assertThat(solved.getScore().hardScore()).isZero();
        assertLinksKept(solved);
    }
}
