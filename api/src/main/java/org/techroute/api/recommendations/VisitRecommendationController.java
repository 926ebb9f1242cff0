package org.techroute.api.recommendations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techroute.api.errors.ErrorResponse;

/** {@code GET /api/plans/{id}/visits/{visitId}/recommendations}: where a visit of the plan could go. */
@RestController
@Tag(name = "recommendations", description = "Placing a new visit into a plan")
class VisitRecommendationController {

    private final RecommendationService recommendations;

    VisitRecommendationController(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @Operation(summary = "Where a visit of the plan could go (e.g. an unassigned one), and what stops each shift",
            description = "The visit is taken out of the plan and tried at every position of every shift: the best"
                    + " placements first (as for POST .../recommendations), then per shift its best placement, the"
                    + " hard and medium rules it breaks, and what stops that technician from ever serving it"
                    + " (blocker: SKILL, TIME_WINDOW, SHIFT_HOURS, ...). The plan is not changed.")
    @ApiResponse(responseCode = "200")
    @ErrorResponse(status = "400", description = "limit out of range")
    @ErrorResponse(status = "404", description = "No such plan or visit")
    @ErrorResponse(status = "422", description = "The visit is linked (in a crew, follows or is followed by another"
            + " visit): not supported for linked visits")
    @GetMapping(value = "/api/plans/{id}/visits/{visitId}/recommendations",
            produces = MediaType.APPLICATION_JSON_VALUE)
    RecommendationList recommend(@PathVariable String id, @PathVariable String visitId,
            @RequestParam(defaultValue = "5") int limit) {
        return recommendations.recommendExisting(id, visitId, limit);
    }
}
