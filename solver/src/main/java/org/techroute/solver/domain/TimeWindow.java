package org.techroute.solver.domain;

/**
 * An interval in which service may start, in epoch milliseconds, both ends inclusive.
 */
public record TimeWindow(long startMillis, long endMillis) {

    public TimeWindow {
        if (endMillis < startMillis) {
            throw new IllegalArgumentException("time window ends before it starts");
        }
    }
}
