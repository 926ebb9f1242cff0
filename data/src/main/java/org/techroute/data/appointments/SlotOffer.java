package org.techroute.data.appointments;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One slot judged for a new visit.
 *
 * @param feasible            whether the visit can be served in this slot without breaking a hard rule and without
 *                            moving any other visit
 * @param scoreDiff           the estimated change of the plan's score (see docs/api.md, "Appointments")
 * @param shiftId             the shift that would serve it (feasible slots only)
 * @param position            its position in that shift's route
 * @param arrival             the technician's expected arrival
 * @param serviceStart        the expected start of service, inside the slot
 * @param extraTravelSeconds  how much longer the route drives
 * @param reason              for an infeasible slot: a code as for an unassigned visit ({@code TIME_WINDOW},
 *                            {@code SKILL}, ..., {@code NO_ROOM})
 * @param detail              for an infeasible slot: a sentence
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "start", "end", "feasible", "scoreDiff", "shiftId", "technicianId", "position", "arrival",
        "serviceStart", "extraTravelSeconds", "reason", "detail" })
public record SlotOffer(OffsetDateTime start, OffsetDateTime end, boolean feasible, String scoreDiff,
        String shiftId, String technicianId, Integer position, OffsetDateTime arrival, OffsetDateTime serviceStart,
        Long extraTravelSeconds, String reason, String detail) {
}
