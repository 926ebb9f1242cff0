package org.techroute.solver.justification;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** Why a shift is penalized, in a sentence a dispatcher can read. */
public record ShiftJustification(String shiftId, String description)
        implements ConstraintJustification, Comparable<ShiftJustification> {

    @Override
    public int compareTo(ShiftJustification other) {
        return shiftId.compareTo(other.shiftId);
    }
}
