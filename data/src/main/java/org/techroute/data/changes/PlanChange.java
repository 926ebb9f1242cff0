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
        @JsonSubTypes.Type(value = PlanChange.ShortenShift.class, name = "SHORTEN_SHIFT"),
        @JsonSubTypes.Type(value = PlanChange.Unpin.class, name = "UNPIN"),
        @JsonSubTypes.Type(value = PlanChange.MoveVisit.class, name = "MOVE_VISIT"),
        @JsonSubTypes.Type(value = PlanChange.LockVisit.class, name = "LOCK_VISIT"),
        @JsonSubTypes.Type(value = PlanChange.LockRoute.class, name = "LOCK_ROUTE"),
        @JsonSubTypes.Type(value = PlanChange.UnlockRoute.class, name = "UNLOCK_ROUTE"),
        @JsonSubTypes.Type(value = PlanChange.VisitDone.class, name = "VISIT_DONE") })
public sealed interface PlanChange {

    /** A new service call, e.g. a CRITICAL emergency. */
    record AddVisit(Visit visit) implements PlanChange {
    }

    /**
     * A call that is no longer needed. It must not have started; a pin without start (or a frozen visit) is
     * removed with it.
     */
    record CancelVisit(String visitId) implements PlanChange {
    }

    /** A started visit that will end later (or earlier) than planned. */
    record VisitRunsLong(String visitId, OffsetDateTime expectedEnd) implements PlanChange {
    }

    /**
     * A technician who cannot work from a time on (off sick, van broke down): a shift under way ends then, or
     * when the visit in progress at {@code from} ends, where he is at {@code from}; later shifts are removed.
     * Visits he did not start before {@code from}, and his visits pinned without a start, go back to planning.
     */
    record TechnicianUnavailable(String technicianId, OffsetDateTime from) implements PlanChange {
    }

    /** An extra shift. */
    record AddShift(Shift shift) implements PlanChange {
    }

    /** A shift that ends earlier. */
    record ShortenShift(String shiftId, OffsetDateTime end) implements PlanChange {
    }

    /**
     * Releases a visit pinned without a start (or frozen) so that it can be planned anywhere again. A started
     * visit cannot be unpinned.
     */
    record Unpin(String visitId) implements PlanChange {
    }

    /**
     * A visit that is done, with its actual end. {@code start} is its actual start: needed only when the visit
     * was not recorded as started (default: its recorded start, else its planned start). {@code shiftId} names
     * the shift that did it when the visit is neither pinned nor planned on a shift.
     */
    record VisitDone(String visitId, OffsetDateTime start, OffsetDateTime end, String shiftId) implements PlanChange {

        public VisitDone(String visitId, OffsetDateTime end) {
            this(visitId, null, end, null);
        }
    }

    /**
     * The dispatcher overrules the optimizer: the visit goes to a shift's route at a position (0 = first;
     * {@code position} counts in the route without the visit), or right after {@code afterVisitId}, or (neither
     * given) at the end. With {@code pin} (default true) it is locked there: a lock is a route's first visits, so
     * the visits before it on that route are locked with it and never move in re-plans either. Without
     * {@code pin} the route is only the re-plan's starting point. A started visit cannot be moved, nor put before
     * a started (or frozen) one.
     */
    record MoveVisit(String visitId, String shiftId, Integer position, String afterVisitId, Boolean pin)
            implements PlanChange {

        public boolean pinned() {
            return pin == null || pin;
        }
    }

    /** Locks a planned visit where it is (with the visits before it on its route): re-plans never move it. */
    record LockVisit(String visitId) implements PlanChange {
    }

    /** Locks every visit of a shift's route where it is: re-plans never move them (they may add visits after). */
    record LockRoute(String shiftId) implements PlanChange {
    }

    /** Releases every lock of a shift's route, except started visits. (One visit: {@code UNPIN}.) */
    record UnlockRoute(String shiftId) implements PlanChange {
    }
}
