package org.techroute.data.appointments;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.techroute.data.model.TimeWindow;
import org.techroute.data.model.Visit;

/**
 * Which appointment slots to offer for a new visit: the slots given, or slots cut over the plan's shifts.
 *
 * @param visit       the visit as in a problem document, without {@code timeWindows} (each slot is its window)
 * @param slots       the slots to judge: the technician must start service within one ({@code start} to {@code end})
 * @param days        instead of {@code slots}: the plan's next working days to cut slots over (1..14)
 * @param slotMinutes with {@code days}: the length of a slot (15..1440, default 120)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppointmentRequest(Visit visit, List<TimeWindow> slots, Integer days, Integer slotMinutes) {
}
