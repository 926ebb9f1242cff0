package org.techroute.api.plans;

/**
 * Where a plan's solving run is. Within one run the status only moves forward:
 * {@code VALIDATING -> SCHEDULED -> SOLVING -> SOLVED | STOPPED | FAILED}. Solving a finished plan again starts a
 * new run at {@code SCHEDULED}.
 */
public enum PlanStatus {
    /** The problem is being read, validated and mapped (its travel matrix built). */
    VALIDATING(0),
    /** Waiting for a solver slot. */
    SCHEDULED(1),
    /** A solver is working on it; the plan document is the latest saved best. */
    SOLVING(2),
    /** Solving ended at its time (or step) limit. */
    SOLVED(3),
    /** Solving was stopped early (by a client or at shutdown); the best plan found is kept. */
    STOPPED(3),
    /** Solving failed; see the reason. */
    FAILED(3);

    private final int rank;

    PlanStatus(int rank) {
        this.rank = rank;
    }

    /** True while a run is under way (not yet SOLVED, STOPPED or FAILED). */
    public boolean isActive() {
        return rank < 3;
    }

    /** Whether a run may move from this status to {@code next}. */
    public boolean canMoveTo(PlanStatus next) {
        return next.rank > rank;
    }
}
