package org.techroute.data.validation;

/**
 * Size limits of one problem. The defaults keep one CRITICAL visit heavier than all lower-priority visits
 * together (see {@code Priority}) and a matrix of all locations within a few GB.
 */
public record ProblemLimits(int maxVisits, int maxTechnicians, int maxShifts) {

    public static final ProblemLimits DEFAULT = new ProblemLimits(10_000, 2_000, 5_000);
}
