package org.techroute.api.recommendations;

import java.util.List;

/** The best placements of a new visit in a plan, best first. The plan is not changed. */
public record RecommendationList(String planId, String visitId, String currentScore,
        List<Recommendation> recommendations) {
}
