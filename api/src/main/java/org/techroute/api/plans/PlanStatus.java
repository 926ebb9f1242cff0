package org.techroute.api.plans;

import java.util.stream.Stream;

/**
 * Where a plan's solving run is. Within one run the status only moves forward:
 * {@code VALIDATING -> QUEUED -> SOLVING -> SOLVED | STOPPED | FAILED}. Solving a finished plan again starts a
 * new run at {@code QUEUED}. Only {@link PlanRuns} moves a run from one status to the next.
 */
public enum PlanStatus {
    /** The problem is being read, validated and mapped (its travel matrix built). */
    VALIDATING(0),
    /** Waiting for a solver slot (earlier versions stored it as SCHEDULED; such rows are read as QUEUED). */
    QUEUED(1),
    /** A solver is working on it; the plan document is the latest saved best. */
    SOLVING(2),
    /** Solving ended at its time (or step) limit. */
    SOLVED(3),
    /** Solving was stopped early (by a client or at shutdown); the best plan found is kept. */
    STOPPED(3),
    /** Solving failed; see the reason. */
    FAILED(3);

    /** The name QUEUED had in the database before. */
    private static final String LEGACY_QUEUED = "SCHEDULED";

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

    /** A status as stored in the database, including names older versions wrote. */
    public static PlanStatus fromStored(String name) {
        return LEGACY_QUEUED.equals(name) ? QUEUED : valueOf(name);
    }

    /** The names this status may be stored under (its own, and for QUEUED the older SCHEDULED). */
    Stream<String> storedNames() {
        return this == QUEUED ? Stream.of(name(), LEGACY_QUEUED) : Stream.of(name());
    }
}
