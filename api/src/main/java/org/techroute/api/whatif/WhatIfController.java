package org.techroute.api.whatif;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.techroute.data.solve.Planner;
import org.techroute.data.whatif.Variant;
import org.techroute.data.whatif.VariantResult;
import org.techroute.data.whatif.WhatIfComparison;
import org.techroute.data.whatif.WhatIfReport;
import org.techroute.data.whatif.WhatIfRequest;

/**
 * {@code POST /api/plans/{id}/what-if}: solves named variants of a stored plan's problem, one after the other in
 * the request, and returns their KPIs side by side (JSON, or the HTML report with {@code ?format=html}).
 */
@RestController
@Tag(name = "what-if", description = "What-if comparisons of a plan's variants")
class WhatIfController {

    /** The results: one entry per variant, in the order asked. */
    record WhatIfResults(String planId, List<VariantResult> variants) {
    }

    private final PlanService plans;
    private final Planner planner;
    private final int maxVariants;
    private final Duration maxTotalTime;

    WhatIfController(PlanService plans, Planner planner,
            @Value("${techroute.api.what-if-max-variants:6}") int maxVariants,
            @Value("${techroute.api.what-if-max-total-time:PT3M}") Duration maxTotalTime) {
        this.plans = plans;
        this.planner = planner;
        this.maxVariants = maxVariants;
        this.maxTotalTime = maxTotalTime;
    }

    @Operation(summary = "Solve variants of a plan's problem and compare their KPIs",
            description = "Body: {\"variants\": [{\"name\": ..., \"removeTechnicianIds\": [...],"
                    + " \"constraintWeights\": {...}, \"timeLimit\": \"PT5S\", ...}]} as in docs/what-if.md. Each"
                    + " variant starts afresh from the plan's problem (its routes are not reused) and is solved in"
                    + " this request, one after the other. format=html returns the HTML report instead of JSON.")
    @ApiResponse(responseCode = "200", description = "One result per variant: status SOLVED or INVALID, score,"
            + " feasible, KPIs, violations")
    @ErrorResponse(status = "400", description = "Not a what-if request, or its variants are invalid")
    @ErrorResponse(status = "404", description = "No such plan")
    @ErrorResponse(status = "422", description = "Too many variants, or their time limits add up to too much")
    @PostMapping(value = "/api/plans/{id}/what-if", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_HTML_VALUE })
    ResponseEntity<?> whatIf(@PathVariable String id, @RequestBody(required = false) byte[] body,
            @Parameter(description = "json (default) or html") @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("html")) {
            throw ApiException.badRequest("format must be json or html",
                    List.of(new Violation("format", null, "must be json or html, not '" + format + "'")));
        }
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
        List<VariantResult> results = new WhatIfComparison(planner).compare(base, request, (name, progress) -> {
        });
        if (format.equals("html")) {
            String title = "What if: " + (base.name() == null ? "plan " + id : base.name());
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(WhatIfReport.html(title, results));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new WhatIfResults(id, results));
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
