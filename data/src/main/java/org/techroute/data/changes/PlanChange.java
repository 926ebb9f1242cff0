package org.techroute.data.changes;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.techroute.data.model.Shift;
import org.techroute.data.model.Visit;

/** One live change to a plan; the JSON field {@code type} says which. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PlanChange.AddVisit.class, name = "ADD_VISIT"),
        @JsonSubTypes.Type(value = PlanChange.CancelVisit.class, name = "CANCEL_VISIT"),
        @JsonSubTypes.Type(value = PlanChange.VisitRunsLong.class, name = "VISIT_RUNS_LONG"),
        @JsonSubTypes.Type(value = PlanChange.TechnicianUnavailable.class, name = "TECHNICIAN_UNAVAILABLE"),
        @JsonSubTypes.Type(value = PlanChange.AddShift.class, name = "ADD_SHIFT"),
        @JsonSubTypes.Type(value = PlanChange.ShortenShift.class, name = "SHORTEN_SHIFT") })
public sealed interface PlanChange {

    /** A new service call, e.g. a CRITICAL emergency. */
    record AddVisit(Visit visit) implements PlanChange {
    }

    /** A call that is no longer needed (it must not have started). */
    record CancelVisit(String visitId) implements PlanChange {
    }

    /** A started visit that will end later (or earlier) than planned. */
    record VisitRunsLong(String visitId, OffsetDateTime expectedEnd) implements PlanChange {
    }

    /**
     * A technician who cannot work from a time on (off sick, van broke down): a shift under way ends then, or
     * when the visit in progress ends, at the place of the last started visit; later shifts are removed.
     * Visits not started go back to planning.
     */
    record TechnicianUnavailable(String technicianId, OffsetDateTime from) implements PlanChange {
    }

    /** An extra shift. */
    record AddShift(Shift shift) implements PlanChange {
    }

    /** A shift that ends earlier. */
    record ShortenShift(String shiftId, OffsetDateTime end) implements PlanChange {
    }
}
