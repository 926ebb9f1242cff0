package org.techroute.api.recommendations;

import java.util.List;

/**
 * Where a new visit could go and what it would do to the score.
 *
 * @param position   the index in the shift's route (0 = first visit)
 * @param scoreDiff  the score difference inserting it there makes, e.g. {@code 0hard/0medium/-1200000soft}
 * @param feasible   whether the plan would still break no hard constraint
 * @param constraints the constraints whose score it changes, with their differences
 */
public record Recommendation(String shiftId, String technicianId, int position, String scoreDiff, String score,
        boolean feasible, List<ConstraintDiff> constraints) {

    /** One constraint's score difference. */
    public record ConstraintDiff(String constraint, String scoreDiff) {
    }
}
