package org.techroute.data.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A break that has been taken (or is being taken): a fact of the day, never planned again.
 *
 * @param start when the break actually started
 * @param end   when it ended or will end (optional; default {@code start} plus the break's duration)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TakenBreak(OffsetDateTime start, OffsetDateTime end) {
}
