package org.techroute.data.appointments;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The slots judged for a new visit, best first: feasible slots by score difference (then earliest), then the
 * infeasible ones by start.
 *
 * @param planScore the score of the plan as it stands, which every {@code scoreDiff} is relative to
 */
@JsonPropertyOrder({ "visitId", "planScore", "feasibleSlots", "slots" })
public record AppointmentOffers(String visitId, String planScore, int feasibleSlots, List<SlotOffer> slots) {
}
