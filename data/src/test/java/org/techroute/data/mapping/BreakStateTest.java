package org.techroute.data.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.TakenBreak;

/**
 * Which breaks of a day under way are facts and which are still planned. Euclidean travel: the only visit is 10 min
 * from home. The shift starts at 08:00.
 */
class BreakStateTest {

    static final ProblemMapper MAPPER = new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads());

    static MappedProblem map(String now, String breaks) throws Exception {
        Problem problem = ProblemJson.read("""
                {
                  %s
                  "options": { "travelMode": "euclidean" },
                  "technicians": [ { "id": "anna", "home": { "x": 0, "y": 0 } } ],
                  "shifts": [ { "id": "s", "technicianId": "anna", "start": "2026-11-23T08:00:00Z",
                    "end": "2026-11-23T17:00:00Z", "breaks": [ %s ] } ],
                  "visits": [ { "id": "v", "location": { "x": 600, "y": 0 }, "serviceDurationSeconds": 3600,
                    "pin": { "shiftId": "s", "position": 0, "start": "2026-11-23T10:00:00Z" } } ]
                }
                """.formatted(now == null ? "" : "\"now\": \"" + now + "\",", breaks));
        return MAPPER.map(problem);
    }

    static String rule(String earliest, String latest, int minutes) {
        return "{ \"earliestStart\": \"2026-11-23T" + earliest + ":00Z\", \"latestStart\": \"2026-11-23T" + latest
                + ":00Z\", \"durationSeconds\": " + minutes * 60 + " }";
    }

    static long at(String time) {
        return OffsetDateTime.parse("2026-11-23T" + time + ":00Z").toInstant().toEpochMilli();
    }

    @Test
    void aBreakWhoseWindowIsOverIsTakenInTheEarliestGapWithRoomAndAnotherWithoutRoomIsWaived() throws Exception {
        // v started 10:00 (until 11:00), now 10:30. Break 1 [09:00, 09:30] 30 min fits before v (home 08:00, travel
        // 10 min): taken 09:00-09:30. Break 2 [09:15, 09:20] 10 min overlaps it wherever it goes before v, and
        // there is no free time after v before now: not planned, with a warning.
        MappedProblem mapped = map("2026-11-23T10:30:00Z", rule("09:00", "09:30", 30) + ", "
                + rule("09:15", "09:20", 10));
        Shift shift = mapped.plan().getShifts().get(0);
        assertThat(shift.getBreaks()).isEmpty();
        assertThat(shift.getTakenBreaks()).containsExactly(new TakenBreak(at("09:00"), at("09:30"), true));
        assertThat(mapped.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("$.shifts[0].breaks[1]");
            assertThat(w.entityId()).isEqualTo("s");
        });
    }

    @Test
    void aBreakStillAheadIsPlannedAndARecordedOneIsAFact() throws Exception {
        // lunch [12:00, 12:30] is still ahead at 10:30: planned. The coffee break was recorded 08:30-08:45.
        MappedProblem mapped = map("2026-11-23T10:30:00Z", rule("12:00", "12:30", 30) + ", "
                + "{ \"earliestStart\": \"2026-11-23T08:15:00Z\", \"latestStart\": \"2026-11-23T09:00:00Z\","
                + " \"durationSeconds\": 900, \"taken\": { \"start\": \"2026-11-23T08:30:00Z\" } }");
        Shift shift = mapped.plan().getShifts().get(0);
        assertThat(shift.getBreaks()).singleElement()
                .satisfies(b -> assertThat(b.earliestStartMillis()).isEqualTo(at("12:00")));
        assertThat(shift.getTakenBreaks()).containsExactly(new TakenBreak(at("08:30"), at("08:45"), false));
        assertThat(mapped.warnings()).isEmpty();
    }

    @Test
    void withoutNowAndWithoutStartedVisitsEveryBreakIsPlanned() throws Exception {
        Problem problem = ProblemJson.read("""
                {
                  "options": { "travelMode": "euclidean" },
                  "technicians": [ { "id": "anna", "home": { "x": 0, "y": 0 } } ],
                  "shifts": [ { "id": "s", "technicianId": "anna", "start": "2026-11-23T08:00:00Z",
                    "end": "2026-11-23T17:00:00Z", "breaks": [ %s ] } ],
                  "visits": [ { "id": "v", "location": { "x": 600, "y": 0 }, "serviceDurationSeconds": 3600 } ]
                }
                """.formatted(rule("09:00", "09:30", 30)));
        Shift shift = MAPPER.map(problem).plan().getShifts().get(0);
        assertThat(shift.getBreaks()).hasSize(1);
        assertThat(shift.getTakenBreaks()).isEmpty();
    }
}
