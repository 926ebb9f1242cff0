package org.techroute.data.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One block of a technician's day.
 *
 * @param type      {@code TRAVEL}, {@code WAIT}, {@code BREAK} or {@code SERVICE}
 * @param visitId   the visit served ({@code SERVICE}), travelled to ({@code TRAVEL}; null when travelling to
 *                  the end location) or waited for ({@code WAIT})
 * @param arrival   for {@code SERVICE}: when the technician arrived at the visit
 * @param lateSeconds for {@code SERVICE}: how long after its last time window closed the service started
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(StepType type, String visitId, OffsetDateTime start, OffsetDateTime end,
        BigDecimal durationSeconds, OffsetDateTime arrival, BigDecimal travelMeters, BigDecimal lateSeconds) {

    /** The kinds of step. */
    public enum StepType {
        TRAVEL, WAIT, BREAK, SERVICE
    }
}
