package org.techroute.benchmarks.day;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Solution;
import org.techroute.data.model.Step;
import org.techroute.data.model.TravelMode;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;

/**
 * The checker itself: a morning plan followed exactly until 14:00 breaks nothing that has happened; the same
 * plan with a started visit moved, a taken break dropped, or a visit left out breaks what it should.
 */
class DayCheckerTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(DaySimulator.DAY.atTime(14, 0), ZoneOffset.ofHours(1));

    Problem morning;

    @BeforeEach
    void planAMorning() {
        DaySimulator simulator = new DaySimulator(
                new Planner(new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads())),
                Travel.haversine(), null, new DaySimulator.Settings(3, 16, 0, 60, TravelMode.HAVERSINE), List.of());
        morning = simulator.run(3).lastPlan();
    }

    List<Finding> check(Problem next) {
        DayChecker checker = new DayChecker(3, Travel.haversine());
        checker.check(null, null, null, morning);
        return checker.check(NOW, null, morning, next);
    }

    @Test
    void thePlanFollowedAsItWasKeepsThePast() {
        assertThat(check(morning)).filteredOn(f -> f.invariant() == Invariant.PAST_FIXED
                || f.invariant() == Invariant.BREAKS || f.invariant() == Invariant.NOTHING_LOST).isEmpty();
    }

    @Test
    void aStartedVisitThatMovesIsReported() {
        Step started = steps().stream().filter(s -> s.type() == Step.StepType.SERVICE && s.start().isBefore(NOW))
                .findFirst().orElseThrow();
        Problem moved = withSteps(step -> step == started ? new Step(step.type(), step.visitId(),
                step.start().plusMinutes(10), step.end().plusMinutes(10), step.durationSeconds(), step.arrival(),
                step.travelMeters(), step.lateSeconds()) : step);
        assertThat(check(moved)).anySatisfy(f -> {
            assertThat(f.invariant()).isEqualTo(Invariant.PAST_FIXED);
            assertThat(f.entityId()).isEqualTo(started.visitId());
            assertThat(f.toString()).startsWith("day 3, 14:00:00 after the morning plan: [pastFixed] "
                    + started.visitId() + ": ");
        });
    }

    @Test
    void aTakenBreakThatDisappearsIsReported() {
        Step lunch = steps().stream().filter(s -> s.type() == Step.StepType.BREAK && s.start().isBefore(NOW))
                .findFirst().orElseThrow();
        Problem dropped = withSteps(step -> step == lunch ? null : step);
        assertThat(check(dropped)).anySatisfy(f -> {
            assertThat(f.invariant()).isEqualTo(Invariant.BREAKS);
            assertThat(f.message()).contains("the break taken " + Changes.clock(lunch.start()));
        });
    }

    @Test
    void aVisitNeitherServedNorUnassignedIsReported() {
        Solution solution = morning.solution();
        Problem lost = morning.withSolution(solution.withUnassignedVisits(List.of()));
        if (solution.unassignedVisits().isEmpty()) {
            return; // nothing to lose on this day
        }
        String id = solution.unassignedVisits().get(0).visitId();
        assertThat(check(lost)).anySatisfy(f -> {
            assertThat(f.invariant()).isEqualTo(Invariant.NOTHING_LOST);
            assertThat(f.message()).isEqualTo("visit " + id + " is neither served nor unassigned");
        });
    }

    @Test
    void aCrewStartingApartAndAVisitBeforeTheOneItFollowsAreReported() {
        // services on two routes (none has started: the morning plan has no pins): as a crew they start apart; the
        // one that starts first follows the other
        List<Route> routes = morning.solution().routes().stream().filter(r -> r.steps().stream().anyMatch(
                s -> s.type() == Step.StepType.SERVICE)).toList();
        Step first = laterService(routes.get(0));
        Step second = laterService(routes.get(1));
        Step early = first.start().isBefore(second.start()) ? first : second;
        Step late = early == first ? second : first;
        List<org.techroute.data.model.Visit> visits = morning.visits().stream().map(v -> {
            if (v.id().equals(first.visitId()) || v.id().equals(second.visitId())) {
                v = v.withCrewId("crew-x");
            }
            if (v.id().equals(early.visitId())) {
                v = v.withAfter(List.of(new org.techroute.data.model.VisitAfter(late.visitId(), null, null, null)));
            }
            return v;
        }).toList();
        Problem linked = morning.withResources(morning.technicians(), morning.shifts(), visits);
        DayChecker checker = new DayChecker(3, Travel.haversine());
        assertThat(checker.check(null, null, null, linked)).filteredOn(f -> f.invariant() == Invariant.FEASIBLE)
                .anySatisfy(f -> assertThat(f.toString()).contains("crew crew-x: its visits start at different times"))
                .anySatisfy(f -> assertThat(f.toString()).contains(early.visitId() + ": starts"));
    }

    @Test
    void aReasonIsJudgedWithThePartsOnTheVansAndTheDrivingLimits() {
        // a visit of the morning taken out of its route and given as unassigned; it needs a pump
        Route route = morning.solution().routes().stream().filter(r -> !r.visitIds().isEmpty()).findFirst()
                .orElseThrow();
        String id = route.visitIds().get(0);
        String shiftId = route.shiftId();
        // no van carries a pump: PARTS is true, and so is TIME_WINDOW (no qualified shift is left to judge)
        assertThat(reasonFindings(id, "PARTS", shiftId, null, null)).isEmpty();
        assertThat(reasonFindings(id, "TIME_WINDOW", shiftId, null, null)).isEmpty();
        // the van of the shift that served it carries one: PARTS is false, and that shift has the day's window left
        assertThat(reasonFindings(id, "PARTS", shiftId, 1, null)).singleElement().satisfies(f -> assertThat(f)
                .contains("shift " + shiftId + " of a qualified technician carries the parts {pump=1}"));
        assertThat(reasonFindings(id, "TIME_WINDOW", shiftId, 1, null)).singleElement().satisfies(f -> assertThat(f)
                .contains("qualified shift " + shiftId + " (technician rules, parts on its van, driving limit"));
        // every shift may drive a second only: TRAVEL_LIMIT is true; without the limit it is false
        assertThat(reasonFindings(id, "TRAVEL_LIMIT", shiftId, 1, 1L)).isEmpty();
        assertThat(reasonFindings(id, "TRAVEL_LIMIT", shiftId, 1, null)).singleElement().satisfies(f -> assertThat(f)
                .contains("drives there and to its end location within its limit"));
    }

    /**
     * The nothingLost findings of the morning plan with visit {@code id} (needing a pump) out of its route and
     * unassigned for {@code reason}; the shift {@code stocked} carries {@code pumps} (null: no van carries one);
     * every shift drives at most {@code maxTravelSeconds} (null: no limit).
     */
    private List<String> reasonFindings(String id, String reason, String stocked, Integer pumps,
            Long maxTravelSeconds) {
        List<org.techroute.data.model.Visit> visits = morning.visits().stream()
                .map(v -> v.id().equals(id) ? v.withParts(java.util.Map.of("pump", 1)) : v).toList();
        List<org.techroute.data.model.Shift> shifts = morning.shifts().stream().map(s -> {
            s = s.withMaxTravelSeconds(maxTravelSeconds);
            return pumps != null && s.id().equals(stocked) ? s.withVanStock(java.util.Map.of("pump", pumps)) : s;
        }).toList();
        List<Route> routes = new ArrayList<>();
        for (Route r : morning.solution().routes()) {
            routes.add(new Route(r.shiftId(), r.technicianId(), r.visitIds().stream().filter(v -> !v.equals(id))
                    .toList(), r.start(), r.end(), r.travelSeconds(), r.travelMeters(), r.serviceSeconds(),
                    r.waitSeconds(), r.breakSeconds(), r.overtimeSeconds(), r.steps().stream()
                            .filter(step -> !id.equals(step.visitId())).toList()));
        }
        List<org.techroute.data.model.UnassignedVisit> unassigned = new ArrayList<>(
                morning.solution().unassignedVisits());
        unassigned.add(new org.techroute.data.model.UnassignedVisit(id, null, reason, "as the test says"));
        Problem plan = morning.withResources(morning.technicians(), shifts, visits)
                .withSolution(morning.solution().withRoutes(routes).withUnassignedVisits(unassigned));
        return new DayChecker(3, Travel.haversine()).check(null, null, null, plan).stream()
                .filter(f -> f.invariant() == Invariant.NOTHING_LOST && id.equals(f.entityId()))
                .map(Finding::message).toList();
    }

    private static Step laterService(Route route) {
        return route.steps().stream().filter(s -> s.type() == Step.StepType.SERVICE).reduce((a, b) -> b)
                .orElseThrow();
    }

    private List<Step> steps() {
        return morning.solution().routes().stream().flatMap(r -> r.steps().stream()).toList();
    }

    /** The morning plan with each step replaced (null: removed). */
    private Problem withSteps(UnaryOperator<Step> change) {
        List<Route> routes = new ArrayList<>();
        for (Route r : morning.solution().routes()) {
            List<Step> steps = new ArrayList<>();
            for (Step step : r.steps()) {
                Step changed = change.apply(step);
                if (changed != null) {
                    steps.add(changed);
                }
            }
            routes.add(new Route(r.shiftId(), r.technicianId(), r.visitIds(), r.start(), r.end(), r.travelSeconds(),
                    r.travelMeters(), r.serviceSeconds(), r.waitSeconds(), r.breakSeconds(), r.overtimeSeconds(),
                    steps));
        }
        Solution s = morning.solution();
        return morning.withSolution(s.withRoutes(routes));
    }
}
