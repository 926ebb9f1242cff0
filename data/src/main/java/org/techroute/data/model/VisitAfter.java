package org.techroute.data.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A visit that must come before the one that lists it in {@code after}: that visit starts service no earlier than
 * this visit's service end plus {@code minDelaySeconds}, no later than its end plus {@code maxDelaySeconds} (if set),
 * and on the same technician if {@code sameTechnician}. If this visit is unassigned, so is the one after it. May span
 * days (installed today, commissioned tomorrow).
 *
 * @param visitId         the visit that comes first
 * @param minDelaySeconds default 0
 * @param maxDelaySeconds null: no maximum
 * @param sameTechnician  default false
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VisitAfter(String visitId, Long minDelaySeconds, Long maxDelaySeconds, Boolean sameTechnician) {

    public long minDelaySecondsOrZero() {
        return minDelaySeconds == null ? 0 : minDelaySeconds;
    }

    public boolean sameTechnicianOrFalse() {
        return Boolean.TRUE.equals(sameTechnician);
    }
}
