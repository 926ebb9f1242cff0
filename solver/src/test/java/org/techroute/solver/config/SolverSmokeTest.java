package org.techroute.solver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.solver.TestData.at;
import static org.techroute.solver.TestData.minutes;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;

import org.junit.jupiter.api.Test;
import org.techroute.solver.TestData;
import org.techroute.solver.domain.Certification;
import org.techroute.solver.domain.Priority;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Technician;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.travel.DenseTravelTimeMatrix;

/**
 * A small, feasible problem solved end to end with the production configuration: 3 shifts, 12 visits with
 * time windows, skills, a certification, breaks, van capacity and one pinned visit. The local search is
 * bounded by a step count; the time limit is only a safety net far above what the steps need, so the runs
 * are reproducible.
 */
class SolverSmokeTest {

    private static final long STEPS = 300L;
    private static final Duration SAFETY_TIME_LIMIT = Duration.ofSeconds(20);

    /** Depot 0 and customer locations 1..6, travel in minutes. */
    private static final DenseTravelTimeMatrix MATRIX = TestData.matrixMinutes(new long[][] {
            { 0, 10, 15, 20, 12, 18, 25 },
            { 10, 0, 8, 15, 14, 20, 22 },
            { 15, 8, 0, 10, 18, 16, 17 },
            { 20, 15, 10, 0, 22, 12, 9 },
            { 12, 14, 18, 22, 0, 11, 19 },
            { 18, 20, 16, 12, 11, 0, 13 },
            { 25, 22, 17, 9, 19, 13, 0 } });

    static RoutePlan problem() {
        Technician alice = technician("alice", Map.of("hvac", 3),
                new Certification("gas", LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1)));
        Technician bob = technician("bob", Map.of("hvac", 2, "electric", 2));
        Technician carol = technician("carol", Map.of("electric", 1));
        List<Shift> shifts = new ArrayList<>();
        for (Technician tech : List.of(alice, bob, carol)) {
            shifts.add(shift("shift-" + tech.getId(), tech).matrix(MATRIX).hours(at(8, 0), at(17, 0))
                    .maxOvertime(minutes(60)).addBreak(at(11, 30), at(13, 0), minutes(30)).capacity(10, 4).build());
        }
        long morningStart = at(8, 0);
        long morningEnd = at(12, 0);
        long afternoonStart = at(12, 0);
        long afternoonEnd = at(16, 30);
        List<Visit> visits = List.of(
                // carol's pinned, already started first visit; it prefers alice, so only pinning keeps it on carol
                visit("pinned", 4).demand(2, 1).preferredTechnicians("alice").build(),
                visit("v01", 1).window(morningStart, morningEnd).skills(Map.of("hvac", 2)).demand(2, 0).build(),
                visit("v02", 2).window(morningStart, morningEnd).demand(1, 1).priority(Priority.HIGH).build(),
                visit("v03", 3).window(afternoonStart, afternoonEnd).demand(3, 0).build(),
                visit("v04", 5).window(morningStart, at(10, 0)).window(at(14, 0), afternoonEnd)
                        .skills(Map.of("electric", 1)).demand(1, 1).build(),
                visit("v05", 6).window(afternoonStart, afternoonEnd).certifications("gas").demand(2, 0).build(),
                visit("v06", 1).service(minutes(45)).window(morningStart, afternoonEnd).demand(1, 0).build(),
                visit("v07", 2).window(afternoonStart, afternoonEnd).skills(Map.of("hvac", 1)).demand(2, 1)
                        .preferredTechnicians("bob").build(),
                visit("v08", 3).window(morningStart, morningEnd).priority(Priority.CRITICAL).demand(1, 0).build(),
                visit("v09", 4).service(minutes(60)).window(morningStart, afternoonEnd).demand(2, 1)
                        .excludedTechnicians("carol").build(),
                visit("v10", 5).window(afternoonStart, afternoonEnd).requiredTechnicians("bob").demand(1, 0).build(),
                visit("v11", 6).window(morningStart, morningEnd).priority(Priority.LOW).demand(1, 0).build());
        Shift carolShift = shifts.get(2);
        carolShift.getVisits().add(visits.get(0));
        carolShift.setPinnedVisitCount(1);
        return new RoutePlan(List.of(alice, bob, carol), shifts, visits, null);
    }

    private static RoutePlan solve(EnvironmentMode mode, long seed) {
        SolveSettings settings = SolveSettings.of(SAFETY_TIME_LIMIT).withStepCountLimit(STEPS).withRandomSeed(seed)
                .withEnvironmentMode(mode);
        return SolverFactory.<RoutePlan> create(TechrouteSolverConfig.create(settings)).buildSolver()
                .solve(problem());
    }

    private static Map<String, List<String>> assignments(RoutePlan plan) {
        Map<String, List<String>> routes = new LinkedHashMap<>();
        for (Shift shift : plan.getShifts()) {
            routes.put(shift.getId(), shift.getVisits().stream().map(Visit::getId).toList());
        }
        return routes;
    }

    private static Shift shiftById(RoutePlan plan, String id) {
        return plan.getShifts().stream().filter(s -> s.getId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void solvesInTrackedFullAssertWithoutCorruptionAndKeepsThePinnedVisitFirst() {
        // TRACKED_FULL_ASSERT recalculates the score from scratch after every move and throws on any score
        // corruption or stale shadow variable, so finishing is itself the main assertion.
        RoutePlan best = solve(EnvironmentMode.TRACKED_FULL_ASSERT, 42L);

        HardMediumSoftLongScore score = best.getScore();
        assertThat(score).isNotNull();
        assertThat(score.hardScore()).as("hard score of a feasible fixture").isZero();
        assertThat(score.mediumScore()).as("every visit assigned").isZero();

        Shift carol = shiftById(best, "shift-carol");
        assertThat(carol.getPinnedVisitCount()).isEqualTo(1);
        assertThat(carol.getVisits()).first().extracting(Visit::getId).isEqualTo("pinned");

        // the shadow variables of the best solution are consistent with its routes
        for (Shift shift : best.getShifts()) {
            Visit previous = null;
            for (Visit visit : shift.getVisits()) {
                assertThat(visit.getShift()).isSameAs(shift);
                assertThat(visit.getPreviousVisit()).isSameAs(previous);
                assertThat(visit.getTiming()).as(visit.getId()).isNotNull().isEqualTo(visit.timingSupplier());
                if (previous != null) {
                    assertThat(previous.getNextVisit()).isSameAs(visit);
                }
                previous = visit;
            }
            if (previous != null) {
                assertThat(previous.getNextVisit()).isNull();
            }
        }
        // every visit is on exactly one route
        assertThat(best.getShifts().stream().flatMap(s -> s.getVisits().stream()).map(Visit::getId))
                .containsExactlyInAnyOrderElementsOf(best.getVisits().stream().map(Visit::getId).toList());
    }

    @Test
    void lunchBeforeTheFirstVisitLetsBothVisitsBePlanned() {
        // one shift from 11:40, lunch [12:00, 12:30]; A near the depot, B far from A with a window that only a
        // route A then B reaches (B at 13:00-13:30 after A). The feasible day: lunch, A, B. Judged by the end
        // location instead of the next visit, serving A first looked fine and B's break came late.
        Technician alice = technician("alice");
        Shift s = shift("s1", alice).hours(at(11, 40), at(16, 0)).addBreak(at(12, 0), at(12, 30), minutes(30))
                .build();
        Visit a = visit("A", 1).window(at(11, 50), at(12, 30)).build();
        Visit b = visit("B", 3).window(at(13, 0), at(13, 30)).build();
        // a second technician and a third visit only give the local search moves to make (so the step limit ends it)
        Technician bob = technician("bob");
        Shift other = shift("s2", bob).hours(at(8, 0), at(11, 0)).build();
        Visit c = visit("C", 2).window(at(8, 0), at(10, 0)).build();
        Visit d = visit("D", 2).window(at(8, 0), at(10, 0)).build();
        RoutePlan problem = new RoutePlan(List.of(alice, bob), List.of(s, other), List.of(a, b, c, d), null);
        SolveSettings settings = SolveSettings.of(SAFETY_TIME_LIMIT).withStepCountLimit(50L).withRandomSeed(1L)
                .withEnvironmentMode(EnvironmentMode.TRACKED_FULL_ASSERT);
        RoutePlan best = SolverFactory.<RoutePlan> create(TechrouteSolverConfig.create(settings)).buildSolver()
                .solve(problem);
        assertThat(best.getScore().hardScore()).isZero();
        assertThat(best.getScore().mediumScore()).as("both visits planned").isZero();
        assertThat(assignments(best)).containsEntry("s1", List.of("A", "B"));
    }

    @Test
    void sameSeedGivesTheSameAssignments() {
        RoutePlan first = solve(EnvironmentMode.PHASE_ASSERT, 7L);
        RoutePlan second = solve(EnvironmentMode.PHASE_ASSERT, 7L);
        assertThat(assignments(second)).isEqualTo(assignments(first));
        assertThat(second.getScore()).isEqualTo(first.getScore());
        assertThat(first.getScore().isFeasible()).isTrue();
    }
}
