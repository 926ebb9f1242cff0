package org.techroute.data.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A technician's working period.
 *
 * @param startLocation      where the day starts (default: the technician's home)
 * @param endLocation        where the day ends (default: the technician's home)
 * @param maxOvertimeSeconds how long the day may run past {@code end} (default 0)
 * @param capacity           the van's capacity per dimension (optional; matches visits' {@code demand})
 * @param maxTravelSeconds   the most driving of the shift's route, the return to the end location included
 *                           (optional; none: no limit)
 * @param vanStock           the parts on the van, part name to quantity (optional; none: the van carries no parts)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Shift(String id, String technicianId, OffsetDateTime start, OffsetDateTime end, Location startLocation,
        Location endLocation, Long maxOvertimeSeconds, List<ShiftBreak> breaks, List<Integer> capacity,
        Long maxTravelSeconds, Map<String, Integer> vanStock) {

    /** A shift without the limits of issue 16 (driving limit, parts on the van). */
    public Shift(String id, String technicianId, OffsetDateTime start, OffsetDateTime end, Location startLocation,
            Location endLocation, Long maxOvertimeSeconds, List<ShiftBreak> breaks, List<Integer> capacity) {
        this(id, technicianId, start, end, startLocation, endLocation, maxOvertimeSeconds, breaks, capacity, null, null);
    }

    public List<ShiftBreak> breaksOrEmpty() {
        return breaks == null ? List.of() : breaks;
    }

    public List<Integer> capacityOrEmpty() {
        return capacity == null ? List.of() : capacity;
    }

    /** This shift ending at another time. */
    public Shift withEnd(OffsetDateTime newEnd) {
        return new Shift(id, technicianId, start, newEnd, startLocation, endLocation, maxOvertimeSeconds, breaks,
                capacity, maxTravelSeconds, vanStock);
    }

    /** This shift ending at another place (null: the technician's home). */
    public Shift withEndLocation(Location newEndLocation) {
        return new Shift(id, technicianId, start, end, startLocation, newEndLocation, maxOvertimeSeconds, breaks,
                capacity, maxTravelSeconds, vanStock);
    }

    public Shift withMaxOvertimeSeconds(Long newMaxOvertimeSeconds) {
        return new Shift(id, technicianId, start, end, startLocation, endLocation, newMaxOvertimeSeconds, breaks,
                capacity, maxTravelSeconds, vanStock);
    }

    public Shift withBreaks(List<ShiftBreak> newBreaks) {
        return new Shift(id, technicianId, start, end, startLocation, endLocation, maxOvertimeSeconds, newBreaks,
                capacity, maxTravelSeconds, vanStock);
    }

    /** This shift with another driving limit (null: none). */
    public Shift withMaxTravelSeconds(Long newMaxTravelSeconds) {
        return new Shift(id, technicianId, start, end, startLocation, endLocation, maxOvertimeSeconds, breaks,
                capacity, newMaxTravelSeconds, vanStock);
    }

    /** This shift with other parts on the van (null: none). */
    public Shift withVanStock(Map<String, Integer> newVanStock) {
        return new Shift(id, technicianId, start, end, startLocation, endLocation, maxOvertimeSeconds, breaks,
                capacity, maxTravelSeconds, newVanStock);
    }

    public Map<String, Integer> vanStockOrEmpty() {
        return vanStock == null ? Map.of() : vanStock;
    }

    /** Whether the two shifts share some time (touching ends do not count); false when a time is missing. */
    public boolean overlaps(Shift other) {
        return start != null && end != null && other.start != null && other.end != null
                && start.isBefore(other.end) && other.start.isBefore(end);
    }
}
