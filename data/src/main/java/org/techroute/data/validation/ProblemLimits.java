package org.techroute.data.validation;

import java.time.Duration;

import org.techroute.data.model.Options;

/**
 * Size limits of one problem. The defaults keep one CRITICAL visit heavier than all lower-priority visits
 * together (see {@code Priority}) and a matrix of all locations within a few GB.
 *
 * @param maxTimeLimit the longest {@code options.timeLimit} accepted; {@code null}: no bound (the command line)
 * @param maxSearchThreads the most {@code options.searchThreads} accepted (the service: its solver slots), at most
 *                     {@link Options#MAX_SEARCH_THREADS}
 */
public record ProblemLimits(int maxVisits, int maxTechnicians, int maxShifts, Duration maxTimeLimit,
        int maxSearchThreads) {

    public static final ProblemLimits DEFAULT = new ProblemLimits(10_000, 2_000, 5_000);

    /** No size limits at all: for checks whose sizes were (or will be) checked elsewhere. */
    public static final ProblemLimits UNLIMITED = new ProblemLimits(Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, null);

    public ProblemLimits {
        maxSearchThreads = Math.max(1, Math.min(maxSearchThreads, Options.MAX_SEARCH_THREADS));
    }

    public ProblemLimits(int maxVisits, int maxTechnicians, int maxShifts) {
        this(maxVisits, maxTechnicians, maxShifts, null);
    }

    /** Up to {@link Options#MAX_SEARCH_THREADS} search threads. */
    public ProblemLimits(int maxVisits, int maxTechnicians, int maxShifts, Duration maxTimeLimit) {
        this(maxVisits, maxTechnicians, maxShifts, maxTimeLimit, Options.MAX_SEARCH_THREADS);
    }
}
