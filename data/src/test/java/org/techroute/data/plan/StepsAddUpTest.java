package org.techroute.data.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.techroute.data.changes.ChangeApplier;
import org.techroute.data.changes.PlanChange;
import org.techroute.data.changes.PlanChangeRequest;
import org.techroute.data.demo.DemoProblemGenerator;
import org.techroute.data.demo.DemoSpec;
import org.techroute.data.demo.PointSource;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Step;
import org.techroute.data.model.Step.StepType;
import org.techroute.data.model.TravelMode;
import org.techroute.data.model.Visit;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;

/**
 * Over several seeded generated days re-planned under way (with "now", started visits pinned with their actual
 * times and one of them running long), every route's steps are contiguous, each step's duration is its end minus
 * its start, the route and plan totals are the sums of the steps, and started visits are never shown late.
 */
class StepsAddUpTest {

    /**
     * The checks hold for any plan, however good: the time limit only ends a local search that finds no move to
     * accept on a small, mostly pinned day (the step limit ends the others).
     */
    static final java.time.Duration LIMIT = java.time.Duration.ofSeconds(5);

    static final Planner PLANNER = new Planner(new ProblemMapper(new ProblemValidator(),
            TravelMatrices.withoutRoads()));

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 4, 5 })
    void stepsAddUpOnADayReplannedUnderWay(int seed) {
        DemoSpec spec = new DemoSpec("steps " + seed, 3, 14, 1, LocalDate.of(2026, 11, 24), ZoneOffset.ofHours(1),
                TravelMode.HAVERSINE, seed);
        Problem problem = DemoProblemGenerator.generate(spec, PointSource.liechtenstein());
        Problem morning = PLANNER.solve(problem.withOptions(problem.options().withStepLimit(40L).withTimeLimit(LIMIT)), p -> {
        });
        StepChecks.stepsAddUp(morning.solution());

        OffsetDateTime now = OffsetDateTime.parse("2026-11-24T10:15:00+01:00").plusMinutes(45L * seed);
        // the visit in progress at "now" (the latest service started before it) runs 40 minutes past now
        String inProgress = null;
        OffsetDateTime latest = null;
        for (Route route : morning.solution().routes()) {
            for (Step step : route.steps()) {
                if (step.type() == StepType.SERVICE && step.start().isBefore(now)
                        && (latest == null || step.start().isAfter(latest))) {
                    latest = step.start();
                    inProgress = step.visitId();
                }
            }
        }
        List<PlanChange> changes = new ArrayList<>();
        if (inProgress != null) {
            changes.add(new PlanChange.VisitRunsLong(inProgress, now.plusMinutes(40)));
        }
        Problem changed = ChangeApplier.apply(morning, new PlanChangeRequest(now, changes));
        assertThat(changed.visits()).as("some visits have started by " + now).anyMatch(v -> v.pin() != null);
        Problem replanned = PLANNER.solve(changed.withOptions(changed.options().withStepLimit(40L).withTimeLimit(LIMIT)), p -> {
        });
        StepChecks.stepsAddUp(replanned.solution());

        Map<String, Visit> visits = new HashMap<>();
        changed.visits().forEach(v -> visits.put(v.id(), v));
        for (Route route : replanned.solution().routes()) {
            if (route.steps().isEmpty()) {
                continue;
            }
            boolean startsWithStartedVisit = visits.get(route.visitIds().get(0)).pin() != null
                    && visits.get(route.visitIds().get(0)).pin().start() != null;
            if (!startsWithStartedVisit) {
                // a break taken before now (a fact, recorded by the change) may come first; the day's travel may not
                Step first = route.steps().get(0);
                if (first.type() != StepType.BREAK || !first.start().isBefore(now)) {
                    assertThat(route.start()).as(route.shiftId() + " leaves at now at the earliest")
                            .isAfterOrEqualTo(now);
                }
                route.steps().stream().filter(step -> step.type() == StepType.TRAVEL).findFirst()
                        .ifPresent(travel -> assertThat(travel.start()).as(route.shiftId() + " travels from now")
                                .isAfterOrEqualTo(now));
            }
            for (Step step : route.steps()) {
                Visit visit = step.visitId() == null ? null : visits.get(step.visitId());
                if (step.type() == StepType.SERVICE && visit.pin() != null && visit.pin().start() != null) {
                    assertThat(step.start()).as(step.visitId() + " keeps its actual start")
                            .isEqualTo(visit.pin().start());
                    assertThat(step.lateSeconds()).as(step.visitId() + " started: never shown late").isNull();
                }
            }
        }
    }
}
