package org.techroute.solver.justification;

import java.util.Comparator;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * Why a visit is penalized: the visit, the shift it is on (null when unassigned) and a sentence a
 * dispatcher can read.
 */
public record VisitJustification(String visitId, String shiftId, String description)
        implements ConstraintJustification, Comparable<VisitJustification> {

    // consistent with equals
    private static final Comparator<VisitJustification> ORDER = Comparator.comparing(VisitJustification::visitId)
            .thenComparing(VisitJustification::shiftId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(VisitJustification::description);

    @Override
    public int compareTo(VisitJustification other) {
        return ORDER.compare(this, other);
    }
}
