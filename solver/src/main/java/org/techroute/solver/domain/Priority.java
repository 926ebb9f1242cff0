package org.techroute.solver.domain;

/**
 * How urgent a service call is. The weight of leaving a visit unassigned grows with priority so that
 * one {@code CRITICAL} visit outweighs any number of lower-priority ones (within the problem size limit).
 */
public enum Priority {
    CRITICAL(1_000_000_000L),
    HIGH(1_000L),
    NORMAL(10L),
    LOW(1L);

    private final long unassignedWeight;

    Priority(long unassignedWeight) {
        this.unassignedWeight = unassignedWeight;
    }

    /** Medium-score penalty for leaving one visit of this priority unassigned. */
    public long unassignedWeight() {
        return unassignedWeight;
    }

    /** Whether lateness within the time window is penalized (serve these early). */
    public boolean isHigh() {
        return this == CRITICAL || this == HIGH;
    }
}
