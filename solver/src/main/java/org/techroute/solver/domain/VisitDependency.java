package org.techroute.solver.domain;

/**
 * A visit that must come first: the dependent visit starts service no earlier than {@code before}'s service end plus
 * {@code minDelayMillis} and, with a maximum, no later than its end plus {@code maxDelayMillis}; with
 * {@code sameTechnician}, on the technician who served {@code before}. If {@code before} is unassigned, the
 * dependent visit must be too.
 *
 * @param maxDelayMillis {@link Long#MAX_VALUE} for no maximum
 */
public record VisitDependency(Visit before, long minDelayMillis, long maxDelayMillis, boolean sameTechnician) {

    public boolean hasMaxDelay() {
        return maxDelayMillis != Long.MAX_VALUE;
    }
}
