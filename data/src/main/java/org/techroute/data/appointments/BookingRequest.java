package org.techroute.data.appointments;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.techroute.data.model.TimeWindow;
import org.techroute.data.model.Visit;

/**
 * The slot a customer chose: the visit is added to the plan with that slot as its time window, and re-planned.
 *
 * @param visit the visit as in a problem document, without {@code timeWindows}
 * @param slot  the chosen slot
 * @param now   optional, as in a change request: the day under way is re-planned from this time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingRequest(Visit visit, TimeWindow slot, OffsetDateTime now) {
}
