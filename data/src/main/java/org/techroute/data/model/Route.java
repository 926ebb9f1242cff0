package org.techroute.data.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One shift's day: the visits in order and every step (travel, wait, break, service) with its times.
 * {@code start} is when the technician leaves the start location, {@code end} when the day ends at the end
 * location. Durations in seconds, distances in meters.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Route(String shiftId, String technicianId, List<String> visitIds, OffsetDateTime start,
        OffsetDateTime end, BigDecimal travelSeconds, BigDecimal travelMeters, BigDecimal serviceSeconds,
        BigDecimal waitSeconds, BigDecimal breakSeconds, BigDecimal overtimeSeconds, List<Step> steps) {

    /** A route given only by its visits in order (times and steps follow when the plan is described again). */
    public static Route ofVisits(String shiftId, String technicianId, List<String> visitIds) {
        return new Route(shiftId, technicianId, visitIds, null, null, null, null, null, null, null, null, null);
    }

    /** This route with other visits and no times or steps (they follow when the plan is described again). */
    public Route withVisitsOnly(List<String> newVisitIds) {
        return ofVisits(shiftId, technicianId, newVisitIds);
    }
}
