package org.techroute.data.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A break to take during a shift: start between the two times, lasting {@code durationSeconds}.
 *
 * @param taken set when the break has been taken, with its actual times (optional)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShiftBreak(OffsetDateTime earliestStart, OffsetDateTime latestStart, Long durationSeconds,
        TakenBreak taken) {

    /** A break not yet taken. */
    public ShiftBreak(OffsetDateTime earliestStart, OffsetDateTime latestStart, Long durationSeconds) {
        this(earliestStart, latestStart, durationSeconds, null);
    }
}
