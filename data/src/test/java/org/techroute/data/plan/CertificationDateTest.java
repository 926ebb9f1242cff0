package org.techroute.data.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.techroute.data.json.ProblemJson;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Solution;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;

/**
 * Certifications are checked on the local date of the service start (in the offset of the shift's start time), not
 * on the date the shift starts: a night shift from the 23rd serves a visit at 02:00 on the 24th.
 */
class CertificationDateTest {

    static final Planner PLANNER = new Planner(new ProblemMapper(new ProblemValidator(),
            TravelMatrices.withoutRoads()));

    static Solution solve(String shiftStart, String shiftEnd, String validUntil) throws Exception {
        Problem problem = ProblemJson.read("""
                {
                  "options": { "timeLimit": "PT5S", "travelMode": "euclidean", "randomSeed": 1, "stepLimit": 20 },
                  "technicians": [ { "id": "anna", "home": { "x": 0, "y": 0 },
                    "certifications": [ { "name": "gas", "validUntil": "%s" } ] } ],
                  "shifts": [ { "id": "night", "technicianId": "anna", "start": "%s", "end": "%s" } ],
                  "visits": [ { "id": "v1", "location": { "x": 600, "y": 0 }, "serviceDurationSeconds": 1800,
                    "requiredCertifications": [ "gas" ],
                    "timeWindows": [ { "start": "2026-11-24T02:00:00+01:00", "end": "2026-11-24T03:00:00+01:00" } ] } ]
                }
                """.formatted(validUntil, shiftStart, shiftEnd));
        return PLANNER.solve(problem, progress -> {
        }).solution();
    }

    @ParameterizedTest(name = "shift {0}")
    @CsvSource({
            "2026-11-23T22:00:00+01:00, 2026-11-24T06:00:00+01:00",
            // the same shift written in Z: the service (01:00Z) is on the 24th in Z too, so the answer is the same
            "2026-11-23T21:00:00Z, 2026-11-24T05:00:00Z" })
    void aCertificateThatExpiredOnThe23rdDoesNotServeA0200VisitOnThe24th(String start, String end)
            throws Exception {
        Solution expired = solve(start, end, "2026-11-23");
        assertThat(expired.feasible()).as(expired.score()).isTrue();
        assertThat(expired.unassignedVisits()).singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo("CERTIFICATION"));

        Solution valid = solve(start, end, "2026-11-24");
        assertThat(valid.feasible()).as(valid.score()).isTrue();
        assertThat(valid.unassignedVisits()).isEmpty();
    }
}
