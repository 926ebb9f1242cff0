package org.techroute.data.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.techroute.data.json.ProblemJson;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/**
 * A CRITICAL visit without time windows is waited for from the start of the problem's first shift, whichever shift
 * serves it, so a shift called in at noon does not make a morning emergency's wait look short (issue 12, day 173).
 */
class UrgencyOpeningTest {

    private static final ProblemMapper MAPPER = new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads());

    @Test
    void aVisitWithoutWindowsIsWaitedForFromTheFirstShiftStart() throws Exception {
        MappedProblem mapped = MAPPER.map(ProblemJson.read("""
                {
                  "options": { "travelMode": "euclidean" },
                  "technicians": [ { "id": "anna", "home": { "x": 0, "y": 0 } },
                                   { "id": "ben", "home": { "x": 0, "y": 0 } } ],
                  "shifts": [ { "id": "late", "technicianId": "ben", "start": "2026-11-23T12:00:00+01:00",
                                "end": "2026-11-23T18:00:00+01:00" },
                              { "id": "early", "technicianId": "anna", "start": "2026-11-23T08:00:00+01:00",
                                "end": "2026-11-23T17:00:00+01:00" } ],
                  "visits": [ { "id": "e", "priority": "CRITICAL", "location": { "x": 600, "y": 0 },
                                "serviceDurationSeconds": 3600 },
                              { "id": "w", "priority": "CRITICAL", "location": { "x": 600, "y": 0 },
                                "serviceDurationSeconds": 3600, "timeWindows": [
                                  { "start": "2026-11-23T14:00:00+01:00", "end": "2026-11-23T16:00:00+01:00" } ] } ]
                }
                """));
        Map<String, Shift> shifts = mapped.plan().getShifts().stream()
                .collect(Collectors.toMap(Shift::getId, Function.identity()));
        Map<String, Visit> visits = mapped.plan().getVisits().stream()
                .collect(Collectors.toMap(Visit::getId, Function.identity()));
        long eight = OffsetDateTime.parse("2026-11-23T08:00:00+01:00").toInstant().toEpochMilli();
        long two = OffsetDateTime.parse("2026-11-23T14:00:00+01:00").toInstant().toEpochMilli();
        assertThat(visits.get("e").urgencyOpeningMillis(shifts.get("late"))).isEqualTo(eight);
        assertThat(visits.get("e").urgencyOpeningMillis(shifts.get("early"))).isEqualTo(eight);
        assertThat(visits.get("w").urgencyOpeningMillis(shifts.get("late"))).as("a window keeps its opening")
                .isEqualTo(two);
    }
}
