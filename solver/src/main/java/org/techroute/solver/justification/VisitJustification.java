package org.techroute.solver.justification;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * Why a visit is penalized: the visit, the shift it is on (null when unassigned) and a sentence a
 * dispatcher can read.
 */
public record VisitJustification(String visitId, String shiftId, String description)
        implements ConstraintJustification, Comparable<VisitJustification> {

    @Override
    public int compareTo(VisitJustification other) {
        return visitId.compareTo(other.visitId);
    }
}
