package org.techroute.api.nightly;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techroute.api.errors.ApiException;
import org.techroute.api.plans.PlanRepository;
import org.techroute.data.model.Violation;

/** {@code /api/nightly-runs}: the reports of the nightly re-optimization. */
@RestController
@Tag(name = "nightly", description = "Nightly re-optimization of marked plans")
class NightlyController {

    private final PlanRepository repository;

    NightlyController(PlanRepository repository) {
        this.repository = repository;
    }

    /** One plan's nightly run; KPIs as stored. */
    record NightlyRunView(String id, String planId, java.time.OffsetDateTime startedAt,
            java.time.OffsetDateTime finishedAt, String status, String scoreBefore, String scoreAfter,
            @JsonRawValue @Schema(type = "object") String kpisBefore,
            @JsonRawValue @Schema(type = "object") String kpisAfter, String error) {
    }

    @Operation(summary = "Nightly re-optimization reports, newest first",
            description = "One row per plan and night: IMPROVED (the better plan was kept), NOT_BETTER (the old"
                    + " plan stays) or FAILED (with error), with score and KPIs before and after.")
    @ApiResponse(responseCode = "200")
    @ApiResponse(responseCode = "400", description = "Bad limit",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping(value = "/api/nightly-runs", produces = MediaType.APPLICATION_JSON_VALUE)
    List<NightlyRunView> runs(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("invalid limit", List.of(new Violation("limit", null,
                    "limit must be between 1 and 1000")));
        }
        return repository.nightlyRuns(limit).stream().map(r -> new NightlyRunView(r.id(), r.planId(),
                r.startedAt(), r.finishedAt(), r.status(), r.scoreBefore(), r.scoreAfter(), r.kpisBefore(),
                r.kpisAfter(), r.error())).toList();
    }
}
