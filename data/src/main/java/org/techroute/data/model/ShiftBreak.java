package org.techroute.data.model;

import java.time.OffsetDateTime;

/** A break to take during a shift: start between the two times, lasting {@code durationSeconds}. */
public record ShiftBreak(OffsetDateTime earliestStart, OffsetDateTime latestStart, Long durationSeconds) {
}
