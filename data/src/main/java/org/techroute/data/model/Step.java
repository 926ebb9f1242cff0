package org.techroute.data.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One block of a technician's day.
 *
 * @param type      {@code TRAVEL}, {@code WAIT}, {@code BREAK} or {@code SERVICE}
 * @param visitId   the visit served ({@code SERVICE}), travelled to ({@code TRAVEL}; null when travelling to
 *                  the end location) or waited for ({@code WAIT})
 * @param arrival   for {@code SERVICE}: when the technician arrived at the visit
 * @param lateSeconds for {@code SERVICE}: how long after its last time window closed the service started
 * @param crew      for {@code SERVICE} of a crew visit: the crew, its other visits and who serves them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(StepType type, String visitId, OffsetDateTime start, OffsetDateTime end,
        BigDecimal durationSeconds, OffsetDateTime arrival, BigDecimal travelMeters, BigDecimal lateSeconds,
        Crew crew) {

    /** A step without crew. */
    public Step(StepType type, String visitId, OffsetDateTime start, OffsetDateTime end, BigDecimal durationSeconds,
            OffsetDateTime arrival, BigDecimal travelMeters, BigDecimal lateSeconds) {
        this(type, visitId, start, end, durationSeconds, arrival, travelMeters, lateSeconds, null);
    }

    /**
     * The crew of a service step: the other visits of the crew (served at the same time by other technicians).
     *
     * @param crewId  the visits' {@code crewId}
     * @param members the crew's other visits, each with its technician and shift
     */
    public record Crew(String crewId, List<CrewMember> members) {
    }

    /** Another visit of a crew and who serves it. */
    public record CrewMember(String visitId, String technicianId, String shiftId) {
    }

    /** The kinds of step. */
    public enum StepType {
        TRAVEL, WAIT, BREAK, SERVICE
    }
}
