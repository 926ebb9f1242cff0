package org.techroute.solver.domain;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The planning solution: technicians' shifts, the visits to place in them, and the score.
 */
@PlanningSolution
public class RoutePlan {

    @ProblemFactCollectionProperty
    private List<Technician> technicians;
    @PlanningEntityCollectionProperty
    private List<Shift> shifts;
    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<Visit> visits;
    @PlanningScore
    private HardMediumSoftLongScore score;
    /** Never null: Timefold fails with a bare NullPointerException on a null overrides field. */
    private ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides = ConstraintWeightOverrides.none();

    public RoutePlan() {
    }

    public RoutePlan(List<Technician> technicians, List<Shift> shifts, List<Visit> visits,
            ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides) {
        this.technicians = technicians;
        this.shifts = shifts;
        this.visits = visits;
        setConstraintWeightOverrides(constraintWeightOverrides);
    }

    public List<Technician> getTechnicians() {
        return technicians;
    }

    public List<Shift> getShifts() {
        return shifts;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }

    public ConstraintWeightOverrides<HardMediumSoftLongScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(
            ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides) {
        // null means "no overrides": every constraint keeps its default weight
        this.constraintWeightOverrides = constraintWeightOverrides == null ? ConstraintWeightOverrides.none()
                : constraintWeightOverrides;
    }
}
