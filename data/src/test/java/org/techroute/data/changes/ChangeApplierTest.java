package org.techroute.data.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.techroute.data.Examples;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Location;
import org.techroute.data.model.Priority;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Step;
import org.techroute.data.model.TimeWindow;
import org.techroute.data.model.Violation;
import org.techroute.data.model.Visit;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.InvalidProblemException;
import org.techroute.data.validation.ProblemValidator;

class ChangeApplierTest {

    static final OffsetDateTime TEN_THIRTY = OffsetDateTime.parse("2026-11-23T10:30:00+01:00");
    static final Planner PLANNER = new Planner(new ProblemMapper(new ProblemValidator(),
            TravelMatrices.withoutRoads()));
    static Problem plan;

    @BeforeAll
    static void solveTheExample() {
        Problem problem = Examples.smallProblem();
        plan = PLANNER.solve(problem.withOptions(problem.options().withStepLimit(200L)), progress -> {
        });
    }

    static Visit emergency(String id) {
        return new Visit(id, "Boiler failure", Location.ofLatLon(47.145, 9.52), 1800L,
                List.of(new TimeWindow(TEN_THIRTY, TEN_THIRTY.plusHours(3))), Map.of("hvac", 1), null,
                Priority.CRITICAL, null, null, null, List.of(1), null);
    }

    static Map<String, OffsetDateTime> serviceStarts(Problem document) {
        Map<String, OffsetDateTime> starts = new HashMap<>();
        for (Route route : document.solution().routes()) {
            for (Step step : route.steps()) {
                if (step.type() == Step.StepType.SERVICE) {
                    starts.put(step.visitId(), step.start());
                }
            }
        }
        return starts;
    }

    @Test
    void startedVisitsArePinnedWithTheirActualStarts() {
        Problem changed = ChangeApplier.apply(plan, new PlanChangeRequest(TEN_THIRTY, List.of()));
        Map<String, OffsetDateTime> starts = serviceStarts(plan);
        for (Visit visit : changed.visits()) {
            boolean started = starts.containsKey(visit.id()) && starts.get(visit.id()).isBefore(TEN_THIRTY);
            if (started) {
                assertThat(visit.pin()).as(visit.id()).isNotNull();
                assertThat(visit.pin().start()).isEqualTo(starts.get(visit.id()));
            } else if (!visit.id().equals("v1")) {
                assertThat(visit.pin()).as(visit.id()).isNull();
            }
        }
        assertThat(changed.now()).isEqualTo(TEN_THIRTY);
    }

    @Test
    void anEmergencyIsPlacedWhileStartedVisitsStayWhereAndWhenTheyWere() {
        Problem changed = ChangeApplier.apply(plan, new PlanChangeRequest(TEN_THIRTY,
                List.of(new PlanChange.AddVisit(emergency("emergency")))));
        Problem replanned = PLANNER.solve(changed.withOptions(changed.options().withStepLimit(200L)), p -> {
        });
        Map<String, OffsetDateTime> before = serviceStarts(plan);
        Map<String, OffsetDateTime> after = serviceStarts(replanned);
        assertThat(after).containsKey("emergency");
        assertThat(after.get("emergency")).isAfterOrEqualTo(TEN_THIRTY);
        before.forEach((visitId, start) -> {
            if (start.isBefore(TEN_THIRTY)) {
                assertThat(after.get(visitId)).as("started visit %s", visitId).isEqualTo(start);
            } else if (after.containsKey(visitId)) {
                assertThat(after.get(visitId)).as("visit %s starts after now", visitId).isAfterOrEqualTo(TEN_THIRTY);
            }
        });
        PlanDiff diff = PlanDiff.between(plan.solution(), replanned.solution());
        assertThat(diff.reassigned()).anySatisfy(moved -> {
            assertThat(moved.visitId()).isEqualTo("emergency");
            assertThat(moved.fromShiftId()).isNull();
            assertThat(moved.toShiftId()).isNotNull();
        });
    }

    @Test
    void cancellingAndShorteningChangeTheProblem() {
        Map<String, OffsetDateTime> starts = serviceStarts(plan);
        String later = starts.entrySet().stream().filter(e -> e.getValue().isAfter(TEN_THIRTY))
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        Problem changed = ChangeApplier.apply(plan, new PlanChangeRequest(TEN_THIRTY, List.of(
                new PlanChange.CancelVisit(later),
                new PlanChange.ShortenShift("ben-mon", OffsetDateTime.parse("2026-11-23T14:00:00+01:00")))));
        assertThat(changed.visits()).extracting(Visit::id).doesNotContain(later);
        assertThat(changed.solution().routes()).allSatisfy(r -> assertThat(r.visitIds()).doesNotContain(later));
        assertThat(changed.shifts().get(1).end()).isEqualTo(OffsetDateTime.parse("2026-11-23T14:00:00+01:00"));
    }

    @Test
    void aTechnicianOffSickLosesTheRestOfTheDay() {
        Problem changed = ChangeApplier.apply(plan, new PlanChangeRequest(TEN_THIRTY,
                List.of(new PlanChange.TechnicianUnavailable("anna", TEN_THIRTY))));
        // a visit in progress at 10:30 is finished first: the day ends when the last started visit ends
        OffsetDateTime lastStartedEnd = plan.solution().routes().get(0).steps().stream()
                .filter(s -> s.type() == Step.StepType.SERVICE && s.start().isBefore(TEN_THIRTY))
                .map(Step::end).max(OffsetDateTime::compareTo).orElseThrow();
        OffsetDateTime expectedEnd = lastStartedEnd.isAfter(TEN_THIRTY) ? lastStartedEnd : TEN_THIRTY;
        assertThat(changed.shifts().get(0).end()).isEqualTo(expectedEnd);
        assertThat(changed.shifts().get(0).maxOvertimeSeconds()).isZero();
        Problem replanned = PLANNER.solve(changed.withOptions(changed.options().withStepLimit(200L)), p -> {
        });
        Map<String, OffsetDateTime> after = serviceStarts(replanned);
        for (Route route : replanned.solution().routes()) {
            if (route.shiftId().equals("anna-mon")) {
                for (String visitId : route.visitIds()) {
                    assertThat(after.get(visitId)).as("%s on anna after she went home", visitId)
                            .isBefore(TEN_THIRTY);
                    assertThat(route.end()).isBeforeOrEqualTo(expectedEnd);
                }
            }
        }
        assertThat(replanned.solution().feasible()).as(() -> replanned.solution().score() + " "
                + replanned.solution().constraints().stream().filter(c -> c.matchCount() > 0 && c.level().equals(
                        "hard")).map(c -> c.matches().toString()).toList() + org.techroute.data.json.ProblemJson
                                .write(changed.shifts()) + changed.visits()).isTrue();
    }

    @Test
    void changesThatCannotBeAppliedNameTheChangeAndNothingIsApplied() {
        Map<String, OffsetDateTime> starts = serviceStarts(plan);
        String started = starts.entrySet().stream().filter(e -> e.getValue().isBefore(TEN_THIRTY))
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        String notStarted = starts.entrySet().stream().filter(e -> e.getValue().isAfter(TEN_THIRTY))
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        assertThatThrownBy(() -> ChangeApplier.apply(plan, new PlanChangeRequest(TEN_THIRTY, List.of(
                new PlanChange.CancelVisit(started),
                new PlanChange.VisitRunsLong(notStarted, TEN_THIRTY.plusHours(1)),
                new PlanChange.TechnicianUnavailable("zoe", TEN_THIRTY),
                new PlanChange.AddVisit(emergency("v2"))))))
                .isInstanceOfSatisfying(InvalidProblemException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::entityId)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("$.changes[0].visitId", started),
                                org.assertj.core.groups.Tuple.tuple("$.changes[1].visitId", notStarted),
                                org.assertj.core.groups.Tuple.tuple("$.changes[2].technicianId", "zoe"),
                                org.assertj.core.groups.Tuple.tuple("$.changes[3].visit.id", "v2")));
    }

    @Test
    void aStartedVisitThatRunsLongPushesTheRestOfItsRoute() {
        Map<String, OffsetDateTime> starts = serviceStarts(plan);
        Route anna = plan.solution().routes().get(0);
        String first = anna.visitIds().get(0);
        OffsetDateTime expectedEnd = starts.get(first).plusHours(3);
        Problem changed = ChangeApplier.apply(plan, new PlanChangeRequest(starts.get(first).plusMinutes(5),
                List.of(new PlanChange.VisitRunsLong(first, expectedEnd))));
        Problem replanned = PLANNER.solve(changed.withOptions(changed.options().withStepLimit(100L)), p -> {
        });
        for (Route route : replanned.solution().routes()) {
            if (route.shiftId().equals("anna-mon")) {
                Step firstService = route.steps().stream().filter(s -> s.type() == Step.StepType.SERVICE)
                        .findFirst().orElseThrow();
                assertThat(firstService.visitId()).isEqualTo(first);
                assertThat(firstService.end()).isEqualTo(expectedEnd);
            }
        }
    }

    @Test
    void changeRequestsReadFromJsonAndUnknownTypesAreNamed() throws Exception {
        PlanChangeRequest request = org.techroute.data.json.ProblemJson.read(new java.io.ByteArrayInputStream(("""
                {"now": "2026-11-23T10:30:00+01:00", "changes": [
                  {"type": "CANCEL_VISIT", "visitId": "v4"},
                  {"type": "TECHNICIAN_UNAVAILABLE", "technicianId": "ben", "from": "2026-11-23T12:00:00+01:00"}]}
                """).getBytes(java.nio.charset.StandardCharsets.UTF_8)), PlanChangeRequest.class, "a change request");
        assertThat(request.changes()).containsExactly(new PlanChange.CancelVisit("v4"),
                new PlanChange.TechnicianUnavailable("ben", OffsetDateTime.parse("2026-11-23T12:00:00+01:00")));
        assertThatThrownBy(() -> org.techroute.data.json.ProblemJson.read(new java.io.ByteArrayInputStream(
                "{\"changes\": [{\"type\": \"MOVE_MOUNTAIN\"}]}".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                PlanChangeRequest.class, "a change request"))
                .isInstanceOfSatisfying(org.techroute.data.json.ProblemFormatException.class, e -> {
                    assertThat(e.violation().path()).isEqualTo("$.changes[0]");
                    assertThat(e.violation().message()).isEqualTo("unknown type 'MOVE_MOUNTAIN'");
                });
    }
}
