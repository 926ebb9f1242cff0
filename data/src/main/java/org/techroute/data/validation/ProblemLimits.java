package org.techroute.data.validation;

import java.time.Duration;

/**
 * Size limits of one problem. The defaults keep one CRITICAL visit heavier than all lower-priority visits
 * together (see {@code Priority}) and a matrix of all locations within a few GB.
 *
 * @param maxTimeLimit the longest {@code options.timeLimit} accepted; {@code null}: no bound (the command line)
 */
public record ProblemLimits(int maxVisits, int maxTechnicians, int maxShifts, Duration maxTimeLimit) {

    public static final ProblemLimits DEFAULT = new ProblemLimits(10_000, 2_000, 5_000);

    /** No size limits at all: for checks whose sizes were (or will be) checked elsewhere. */
    public static final ProblemLimits UNLIMITED = new ProblemLimits(Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, null);

    public ProblemLimits(int maxVisits, int maxTechnicians, int maxShifts) {
        this(maxVisits, maxTechnicians, maxShifts, null);
    }
}
