package org.techroute.api.plans;

import java.util.List;

import org.techroute.data.model.ConstraintMatch;
import org.techroute.data.model.UnassignedVisit;

/**
 * Why a plan scores what it scores: each constraint's share with the visits and shifts involved, and the reason
 * each unassigned visit is left out.
 */
public record PlanAnalysis(String planId, String score, boolean feasible, List<ConstraintShare> constraints,
        List<UnassignedVisit> unassignedVisits) {

    /**
     * One constraint's share of the score.
     *
     * @param visitIds the visits its penalties concern (of the listed matches)
     * @param shiftIds the shifts its penalties concern (of the listed matches)
     */
    public record ConstraintShare(String constraint, String level, long weight, String unit, String score,
            int matchCount, List<String> visitIds, List<String> shiftIds, List<ConstraintMatch> matches) {
    }
}
