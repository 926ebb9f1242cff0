package org.techroute.api.recommendations;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The best placements of a visit in a plan, best first. The plan is not changed.
 *
 * @param shifts for a visit of the plan: per shift, its best placement and why it is not feasible there
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecommendationList(String planId, String visitId, String currentScore,
        List<Recommendation> recommendations, List<ShiftOption> shifts) {

    public RecommendationList(String planId, String visitId, String currentScore,
            List<Recommendation> recommendations) {
        this(planId, visitId, currentScore, recommendations, null);
    }

    /**
     * One shift for the visit.
     *
     * @param feasible          it can go there without breaking a hard rule
     * @param position          the best position on its route (absent: no placement tried, e.g. nothing fits)
     * @param scoreDiff         what that placement does to the score
     * @param brokenConstraints the hard and medium rules that placement breaks
     * @param blocker           what stops the technician from ever serving it on that shift ({@code SKILL},
     *                          {@code TIME_WINDOW}, {@code SHIFT_HOURS}, ...), with {@code detail}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShiftOption(String shiftId, String technicianId, boolean feasible, Integer position,
            String scoreDiff, List<String> brokenConstraints, String blocker, String detail) {
    }
}
