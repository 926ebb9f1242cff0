package org.techroute.api.nightly;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.ErrorResponse;
import org.techroute.api.errors.JsonBodies;
import org.techroute.data.model.Violation;

/**
 * The nightly re-optimization: {@code /api/nightly-runs} (the reports) and {@code /api/plans/{id}/nightly} (which
 * plans are marked for it).
 */
@RestController
@Tag(name = "nightly", description = "Nightly re-optimization of marked plans")
class NightlyController {

    private final NightlyRuns nightlyRuns;

    NightlyController(NightlyRuns nightlyRuns) {
        this.nightlyRuns = nightlyRuns;
    }

    /** One plan's nightly run; KPIs as stored. */
    record NightlyRunView(String id, String planId, java.time.OffsetDateTime startedAt,
            java.time.OffsetDateTime finishedAt, String status, String scoreBefore, String scoreAfter,
            @JsonRawValue @Schema(type = "object") String kpisBefore,
            @JsonRawValue @Schema(type = "object") String kpisAfter, String error) {
    }

    @Operation(summary = "Nightly re-optimization reports, newest first",
            description = "One row per plan and night: RUNNING (its run is queued or solving; no finishedAt),"
                    + " IMPROVED (the better plan was kept), NOT_BETTER (the old plan was put back) or FAILED (with"
                    + " error), with score and KPIs before and after.")
    @ApiResponse(responseCode = "200")
    @ErrorResponse(status = "400", description = "Bad limit")
    @GetMapping(value = "/api/nightly-runs", produces = MediaType.APPLICATION_JSON_VALUE)
    List<NightlyRunView> runs(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("invalid limit", List.of(new Violation("limit", null,
                    "limit must be between 1 and 1000")));
        }
        return nightlyRuns.newest(limit).stream().map(r -> new NightlyRunView(r.id(), r.planId(),
                r.startedAt(), r.finishedAt(), r.status(), r.scoreBefore(), r.scoreAfter(), r.kpisBefore(),
                r.kpisAfter(), r.error())).toList();
    }

    /** Whether a plan is re-optimized by the nightly batch. */
    record Nightly(Boolean enabled) {
    }

    @Operation(summary = "Mark a plan for nightly re-optimization (or not)",
            description = "Body {\"enabled\": true|false}. Marked plans that are not being solved are re-solved"
                    + " at techroute.nightly.cron for their time limit; the result is kept only if it scores"
                    + " better. Reports: GET /api/nightly-runs.")
    @ApiResponse(responseCode = "200")
    @ErrorResponse(status = "400", description = "enabled missing, or not true or false ($.enabled), or another"
            + " field")
    @ErrorResponse(status = "404", description = "No such plan")
    @PutMapping(value = "/api/plans/{id}/nightly", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Nightly setNightly(@PathVariable String id, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Nightly.class))) @RequestBody byte[] body) {
        var tree = JsonBodies.tree(body);
        // only "enabled": a misspelt field must not silently leave the mark as it was
        for (var names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("enabled")) {
                throw ApiException.malformed(new Violation("$." + name, null, "unknown field '" + name
                        + "'; only enabled is allowed"));
            }
        }
        if (!tree.path("enabled").isBoolean()) {
            throw ApiException.malformed(new Violation("$.enabled", null, "enabled must be true or false"));
        }
        if (!nightlyRuns.setNightly(id, tree.get("enabled").booleanValue())) {
            throw ApiException.notFound("plan", id);
        }
        return new Nightly(nightlyRuns.isNightly(id));
    }

    @Operation(summary = "Whether a plan is marked for nightly re-optimization")
    @ApiResponse(responseCode = "200")
    @ErrorResponse(status = "404", description = "No such plan")
    @GetMapping(value = "/api/plans/{id}/nightly", produces = MediaType.APPLICATION_JSON_VALUE)
    Nightly nightly(@PathVariable String id) {
        return new Nightly(nightlyRuns.nightly(id).orElseThrow(() -> ApiException.notFound("plan", id)));
    }
}
