package org.techroute.data.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.techroute.data.json.ProblemJson;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Solution;
import org.techroute.data.model.Step;
import org.techroute.data.model.Step.StepType;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;

/**
 * Re-planning a day under way: breaks already taken (recorded or inferred) are never planned again, and a break
 * the day made impossible is not a phantom penalty. Euclidean travel, one unit per second: the depot at (0, 0),
 * A at (600, 0) (10 min away), B at (600, 600), C at (1200, 0), D at (0, 600). The shift runs 08:00-17:00 with
 * a 30 min lunch that must start between 12:00 and 12:30.
 */
class DayUnderWayTest {

    static final Planner PLANNER = new Planner(new ProblemMapper(new ProblemValidator(),
            TravelMatrices.withoutRoads()));

    static Problem day(String now, String lunchTaken, String aPin, String bPin) {
        String json = """
                {
                  "name": "day under way",
                  %s
                  "options": { "timeLimit": "PT8S", "travelMode": "euclidean", "randomSeed": 1, "stepLimit": 200 },
                  "technicians": [ { "id": "anna", "home": { "x": 0, "y": 0 } } ],
                  "shifts": [ { "id": "anna-mon", "technicianId": "anna",
                    "start": "2026-11-23T08:00:00Z", "end": "2026-11-23T17:00:00Z",
                    "breaks": [ { "earliestStart": "2026-11-23T12:00:00Z", "latestStart": "2026-11-23T12:30:00Z",
                                  "durationSeconds": 1800 %s } ] } ],
                  "visits": [
                    { "id": "A", "location": { "x": 600, "y": 0 }, "serviceDurationSeconds": 3600 %s },
                    { "id": "B", "location": { "x": 600, "y": 600 }, "serviceDurationSeconds": 3600 %s },
                    { "id": "C", "location": { "x": 1200, "y": 0 }, "serviceDurationSeconds": 1800,
                      "timeWindows": [ { "start": "2026-11-23T14:00:00Z", "end": "2026-11-23T16:00:00Z" } ] },
                    { "id": "D", "location": { "x": 0, "y": 600 }, "serviceDurationSeconds": 3600,
                      "timeWindows": [ { "start": "2026-11-23T14:30:00Z", "end": "2026-11-23T16:30:00Z" } ] }
                  ]
                }
                """.formatted(now == null ? "" : "\"now\": \"" + now + "\",",
                lunchTaken == null ? "" : ", \"taken\": " + lunchTaken,
                aPin == null ? "" : ", \"pin\": " + aPin, bPin == null ? "" : ", \"pin\": " + bPin);
        try {
            return ProblemJson.read(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Solution solve(Problem problem) {
        return PLANNER.solve(problem, progress -> {
        }).solution();
    }

    static List<Step> breaks(Solution solution) {
        return solution.routes().get(0).steps().stream().filter(s -> s.type() == StepType.BREAK).toList();
    }

    static OffsetDateTime at(String time) {
        return OffsetDateTime.parse("2026-11-23T" + time + "Z");
    }

    @Test
    void afterLunchTheBreakTakenInTheFreeHourIsNotPlannedAgainAndEveryVisitIsKept() {
        // A done 10:30-11:45, B started 13:00 and runs to 14:30; now 14:00. Between A and B there was a free hour
        // (travel 10 min): lunch was taken there. Re-planning must not add a second lunch after now.
        Solution plan = solve(day("2026-11-23T14:00:00Z", null,
                "{ \"shiftId\": \"anna-mon\", \"position\": 0, \"start\": \"2026-11-23T10:30:00Z\","
                        + " \"end\": \"2026-11-23T11:45:00Z\" }",
                "{ \"shiftId\": \"anna-mon\", \"position\": 1, \"start\": \"2026-11-23T13:00:00Z\","
                        + " \"end\": \"2026-11-23T14:30:00Z\" }"));
        assertThat(plan.feasible()).as(plan.score()).isTrue();
        assertThat(plan.unassignedVisits()).as("every servable visit is kept").isEmpty();
        List<Step> lunch = breaks(plan);
        assertThat(lunch).as("one lunch, in the free time between A and B").hasSize(1);
        assertThat(lunch.get(0).start()).isBetween(at("12:00:00"), at("12:30:00"));
        assertThat(lunch.get(0).end()).isBeforeOrEqualTo(at("13:00:00"));
        StepChecks.stepsAddUp(plan);
    }

    @Test
    void aVisitRunningLongAcrossTheBreakWindowDoesNotMakeThePlanInfeasible() {
        // A started 11:00 and now runs until 13:30; now 12:45. The lunch window is over and A left no room for it:
        // it is not planned after now, not penalised, and a warning says so.
        Solution plan = solve(day("2026-11-23T12:45:00Z", null,
                "{ \"shiftId\": \"anna-mon\", \"position\": 0, \"start\": \"2026-11-23T11:00:00Z\","
                        + " \"end\": \"2026-11-23T13:30:00Z\" }", null));
        assertThat(plan.feasible()).as(plan.score()).isTrue();
        assertThat(plan.unassignedVisits()).isEmpty();
        assertThat(breaks(plan)).isEmpty();
        assertThat(plan.warnings()).anyMatch(w -> w.path().equals("$.shifts[0].breaks[0]")
                && w.entityId().equals("anna-mon") && w.message().contains("not planned and not penalised"));
        StepChecks.stepsAddUp(plan);
    }

    @Test
    void aTakenBreakIsAFactAtItsRecordedTimeAndIsNeverPlannedTwice() {
        // lunch recorded from 12:05 (until 12:35, its duration); now 12:20, A done 10:30-11:30. The technician
        // leaves for the next visit after the lunch, and no second lunch is planned.
        Solution plan = solve(day("2026-11-23T12:20:00Z", "{ \"start\": \"2026-11-23T12:05:00Z\" }",
                "{ \"shiftId\": \"anna-mon\", \"position\": 0, \"start\": \"2026-11-23T10:30:00Z\","
                        + " \"end\": \"2026-11-23T11:30:00Z\" }", null));
        assertThat(plan.feasible()).as(plan.score()).isTrue();
        assertThat(plan.unassignedVisits()).isEmpty();
        List<Step> lunch = breaks(plan);
        assertThat(lunch).hasSize(1);
        assertThat(lunch.get(0).start()).isEqualTo(at("12:05:00"));
        assertThat(lunch.get(0).end()).isEqualTo(at("12:35:00"));
        Route route = plan.routes().get(0);
        Step firstTravelAfterLunch = route.steps().stream()
                .filter(s -> s.type() == StepType.TRAVEL && !s.start().isBefore(at("11:30:00"))).findFirst()
                .orElseThrow();
        assertThat(firstTravelAfterLunch.start()).isAfterOrEqualTo(at("12:35:00"));
        StepChecks.stepsAddUp(plan);
    }

    @Test
    void rePlannedLateInTheLunchWindowTheLunchIsTakenBeforeDrivingOn() {
        // A done 11:00-12:20; now 12:25, lunch not recorded and still due (latest start 12:30). Every other visit
        // is at least 10 min away, so lunch on arrival would be late: it is taken before leaving, 12:25-12:55.
        Solution plan = solve(day("2026-11-23T12:25:00Z", null,
                "{ \"shiftId\": \"anna-mon\", \"position\": 0, \"start\": \"2026-11-23T11:00:00Z\","
                        + " \"end\": \"2026-11-23T12:20:00Z\" }", null));
        assertThat(plan.feasible()).as(plan.score()).isTrue();
        assertThat(plan.unassignedVisits()).isEmpty();
        assertThat(breaks(plan)).hasSize(1);
        assertThat(breaks(plan).get(0).start()).isEqualTo(at("12:25:00"));
        StepChecks.stepsAddUp(plan);
    }

    @Test
    void beforeNowWithoutStartedVisitsTheLunchIsPlannedAsUsual() {
        // a morning plan (no now, nothing started): one lunch inside its window
        Solution plan = solve(day(null, null, null, null));
        assertThat(plan.feasible()).as(plan.score()).isTrue();
        assertThat(breaks(plan)).hasSize(1);
        assertThat(breaks(plan).get(0).start()).isBetween(at("12:00:00"), at("12:30:00"));
        StepChecks.stepsAddUp(plan);
    }
}
