package org.techroute.api.whatif;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techroute.api.errors.ErrorResponse;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.ErrorTypes;
import org.techroute.api.plans.PlanService;
import org.techroute.data.json.ProblemFormatException;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Violation;
import org.techroute.data.whatif.Variant;
import org.techroute.data.whatif.WhatIfComparison;
import org.techroute.data.whatif.WhatIfReport;
import org.techroute.data.whatif.WhatIfRequest;

/**
 * {@code POST /api/plans/{id}/what-if}: queues named variants of a stored plan's problem as plans of their own
 * ({@link WhatIfRuns}) and answers at once; {@code GET /api/plans/{id}/what-if/{whatIfId}} compares their KPIs side
 * by side (JSON, or the HTML report with {@code ?format=html}) as they finish.
 */
@RestController
@Tag(name = "what-if", description = "What-if comparisons of a plan's variants")
class WhatIfController {

    private final PlanService plans;
    private final WhatIfRuns whatIfs;
    private final int maxVariants;
    private final Duration maxTotalTime;

    WhatIfController(PlanService plans, WhatIfRuns whatIfs,
            @Value("${techroute.api.what-if-max-variants:6}") int maxVariants,
            @Value("${techroute.api.what-if-max-total-time:PT3M}") Duration maxTotalTime) {
        this.plans = plans;
        this.whatIfs = whatIfs;
        this.maxVariants = maxVariants;
        this.maxTotalTime = maxTotalTime;
    }

    @Operation(summary = "Queue variants of a plan's problem to compare their KPIs",
            description = "Body: {\"variants\": [{\"name\": ..., \"removeTechnicianIds\": [...],"
                    + " \"constraintWeights\": {...}, \"timeLimit\": \"PT5S\", ...}]} as in docs/what-if.md. Each"
                    + " variant starts afresh from the plan's problem (its routes are not reused) and is queued as a"
                    + " plan of its own (named '<plan> · what if: <variant>'): it waits for a solver slot like any"
                    + " plan, shows in the plans list, can be stopped (DELETE /api/plans/{variantPlanId}/solving) and"
                    + " survives a restart. The answer comes at once; follow GET"
                    + " /api/plans/{id}/what-if/{whatIfId} (Location) until done.")
    @ApiResponse(responseCode = "202", description = "Queued: whatIfId, done, and per variant its planId and status"
            + " (INVALID with violations, NOT_QUEUED when the solver queue was full)")
    @ErrorResponse(status = "400", description = "Not a what-if request, or its variants are invalid")
    @ErrorResponse(status = "404", description = "No such plan")
    @ErrorResponse(status = "422", description = "Too many variants, or their time limits add up to too much")
    @PostMapping(value = "/api/plans/{id}/what-if", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WhatIfRuns.WhatIfView> whatIf(@PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        WhatIfRequest request = read(body);
        List<Violation> violations = WhatIfComparison.check(request);
        if (!violations.isEmpty()) {
            throw ApiException.badRequest("the what-if request has " + violations.size() + " error(s)",
                    violations);
        }
        Problem base = plans.stored(id).document();
        List<Violation> unknown = VariantReferences.unknown(request, base);
        if (!unknown.isEmpty()) {
            throw ApiException.validation("the what-if request names " + unknown.size()
                    + " technician(s) or shift(s) the plan does not have", unknown);
        }
        checkBudget(request, base);
        WhatIfRuns.WhatIfView view = whatIfs.start(id, base, request);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/plans/" + id + "/what-if/" + view.whatIfId())).body(view);
    }

    @Operation(summary = "A what-if comparison as it stands: each variant's status, score, feasibility and KPIs",
            description = "done is true once every variant's plan has finished. format=html returns the HTML report"
                    + " instead of JSON.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = WhatIfRuns.WhatIfView.class)),
            @Content(mediaType = MediaType.TEXT_HTML_VALUE) })
    @ErrorResponse(status = "400", description = "format is not json or html")
    @ErrorResponse(status = "404", description = "No such plan or what-if")
    @GetMapping(value = "/api/plans/{id}/what-if/{whatIfId}",
            produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_HTML_VALUE })
    ResponseEntity<?> result(@PathVariable String id, @PathVariable String whatIfId,
            @Parameter(description = "json (default) or html") @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("html")) {
            throw ApiException.badRequest("format must be json or html",
                    List.of(new Violation("format", null, "must be json or html, not '" + format + "'")));
        }
        WhatIfRuns.WhatIfView view = whatIfs.view(id, whatIfId);
        if (format.equals("html")) {
            Problem base = plans.stored(id).document();
            String title = "What if: " + (base.name() == null ? "plan " + id : base.name());
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(WhatIfReport.html(title, view.results()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view);
    }

    private void checkBudget(WhatIfRequest request, Problem base) {
        if (request.variants().size() > maxVariants) {
            throw tooMuch("at most " + maxVariants + " variants per request, not " + request.variants().size());
        }
        Duration baseLimit = base.optionsOrDefaults().effectiveTimeLimit();
        Duration total = Duration.ZERO;
        for (Variant variant : request.variants()) {
            total = total.plus(variant.timeLimit() != null ? variant.timeLimit() : baseLimit);
        }
        if (total.compareTo(maxTotalTime) > 0) {
            throw tooMuch("the variants' time limits add up to " + total + ", more than " + maxTotalTime
                    + "; give them shorter timeLimits");
        }
    }

    private static ApiException tooMuch(String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorTypes.VALIDATION, "What-if too large",
                detail);
    }

    private static WhatIfRequest read(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.malformed(new Violation("$", null, "the request body is empty"));
        }
        try {
            return ProblemJson.read(new ByteArrayInputStream(body), WhatIfRequest.class, "a what-if request");
        } catch (ProblemFormatException e) {
            throw ApiException.malformed(e.violation());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
