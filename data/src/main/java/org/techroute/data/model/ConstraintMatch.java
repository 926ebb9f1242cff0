package org.techroute.data.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One penalty: its score, the visit and/or shift it concerns, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConstraintMatch(String score, String visitId, String shiftId, String description) {
}
