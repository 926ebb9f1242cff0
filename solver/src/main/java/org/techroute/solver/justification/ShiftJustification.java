package org.techroute.solver.justification;

import java.util.Comparator;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** Why a shift is penalized, in a sentence a dispatcher can read. */
public record ShiftJustification(String shiftId, String description)
        implements ConstraintJustification, Comparable<ShiftJustification> {

    // consistent with equals: one shift can have several justifications of one constraint (breakWindow)
    private static final Comparator<ShiftJustification> ORDER = Comparator.comparing(ShiftJustification::shiftId)
            .thenComparing(ShiftJustification::description);

    @Override
    public int compareTo(ShiftJustification other) {
        return ORDER.compare(this, other);
    }
}
