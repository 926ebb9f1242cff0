package org.techroute.data.model;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A technician's working period.
 *
 * @param startLocation      where the day starts (default: the technician's home)
 * @param endLocation        where the day ends (default: the technician's home)
 * @param maxOvertimeSeconds how long the day may run past {@code end} (default 0)
 * @param capacity           the van's capacity per dimension (optional; matches visits' {@code demand})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Shift(String id, String technicianId, OffsetDateTime start, OffsetDateTime end, Location startLocation,
        Location endLocation, Long maxOvertimeSeconds, List<ShiftBreak> breaks, List<Integer> capacity) {

    public List<ShiftBreak> breaksOrEmpty() {
        return breaks == null ? List.of() : breaks;
    }

    public List<Integer> capacityOrEmpty() {
        return capacity == null ? List.of() : capacity;
    }
}
