package org.techroute.solver.domain;

/**
 * One dependency of a visit, as the constraints see it: {@code after} starts no earlier than {@code before}'s service
 * end plus {@code minDelayMillis}, and no later than its end plus {@code maxDelayMillis} ({@link Long#MAX_VALUE}: no
 * maximum), on the same technician if {@code sameTechnician}.
 */
public record DependencyEdge(Visit after, Visit before, long minDelayMillis, long maxDelayMillis,
        boolean sameTechnician) {

    /**
     * How far the planned start of {@code after} lies before {@code before}'s end plus the minimum delay, or after
     * its end plus the maximum delay; 0 when either is not planned or both have started (facts).
     */
    public long violationMillis() {
        VisitTiming first = before.getTiming();
        VisitTiming second = after.getTiming();
        if (first == null || second == null || before.getShift() == null || after.getShift() == null
                || (before.isStarted() && after.isStarted())) {
            return 0;
        }
        long earliest = first.departureMillis() + minDelayMillis;
        long start = second.serviceStartMillis();
        if (start < earliest) {
            return earliest - start;
        }
        if (maxDelayMillis != Long.MAX_VALUE && start > first.departureMillis() + maxDelayMillis) {
            return start - (first.departureMillis() + maxDelayMillis);
        }
        return 0;
    }

    /** Whether {@code after} is served while {@code before} is not, or by another technician when it must not be. */
    public boolean brokenAssignment() {
        if (after.getShift() == null) {
            return false;
        }
        if (before.getShift() == null) {
            return true;
        }
        return sameTechnician
                && !before.getShift().getTechnician().getId().equals(after.getShift().getTechnician().getId());
    }
}
