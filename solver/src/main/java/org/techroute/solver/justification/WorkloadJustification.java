package org.techroute.solver.justification;

import java.math.BigDecimal;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** How unevenly work (travel plus service, in minutes) is spread across technicians. */
public record WorkloadJustification(BigDecimal unfairnessMinutes, String description)
        implements ConstraintJustification {
}
