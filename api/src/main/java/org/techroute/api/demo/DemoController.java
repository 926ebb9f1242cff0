package org.techroute.api.demo;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techroute.api.errors.ErrorResponse;
import org.techroute.api.errors.ApiException;
import org.techroute.api.plans.PlanService;
import org.techroute.data.demo.DemoFeature;
import org.techroute.data.demo.DemoProblemGenerator;
import org.techroute.data.demo.DemoSpec;
import org.techroute.data.demo.PointSource;
import org.techroute.data.road.RoadDemoPoints;
import org.techroute.api.road.RoadGraphHolder;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TravelMode;
import org.techroute.data.model.Violation;

/** {@code POST /api/demo}: a generated demo problem (haversine travel), optionally submitted too. */
@RestController
@Tag(name = "demo", description = "Demo problems")
class DemoController {

    static final int MAX_TECHNICIANS = 100;
    static final int MAX_VISITS = 1000;
    static final int MAX_DAYS = 7;

    private final PlanService plans;
    private final RoadGraphHolder roads;

    DemoController(PlanService plans, RoadGraphHolder roads) {
        this.plans = plans;
        this.roads = roads;
    }

    @Operation(summary = "Generate a demo problem: on the road graph (travel mode road) once it is loaded, else"
            + " straight-line haversine travel in the Rhine valley of Liechtenstein",
            description = "Returns the problem JSON (200). With submit=true it is also submitted like POST"
                    + " /api/plans: 202 with the plan's status and a Location header.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "202", description = "Submitted; Location: /api/plans/{id}")
    @ErrorResponse(status = "400", description = "A parameter out of bounds (with violations)")
    @ErrorResponse(status = "429", description = "Solver queue full (with submit=true)")
    @PostMapping(value = "/api/demo", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> demo(
            @Parameter(description = "1.." + MAX_TECHNICIANS) @RequestParam(defaultValue = "5") int technicians,
            @Parameter(description = "0.." + MAX_VISITS) @RequestParam(defaultValue = "40") int visits,
            @Parameter(description = "1.." + MAX_DAYS) @RequestParam(defaultValue = "1") int days,
            @RequestParam(defaultValue = "1") long seed,
            @Parameter(description = "first working day (default: tomorrow)") @RequestParam(required = false)
            String firstDay,
            @Parameter(description = "ISO-8601 solving time, PT1S..PT30M") @RequestParam(defaultValue = "PT30S")
            String timeLimit,
            @RequestParam(defaultValue = "false") boolean submit,
            @Parameter(description = "optional parts, comma-separated: travel-limit, parts, crews, dependencies"
                    + " (none by default)")
            @RequestParam(required = false) String features) {
        List<Violation> violations = new ArrayList<>();
        range(violations, "technicians", technicians, 1, MAX_TECHNICIANS);
        range(violations, "visits", visits, 0, MAX_VISITS);
        range(violations, "days", days, 1, MAX_DAYS);
        LocalDate first = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        if (firstDay != null) {
            try {
                first = LocalDate.parse(firstDay);
            } catch (DateTimeParseException e) {
                violations.add(new Violation("firstDay", null, "must be a date such as 2026-11-24"));
            }
        }
        Duration limit = null;
        try {
            limit = Duration.parse(timeLimit);
            if (limit.compareTo(Duration.ofSeconds(1)) < 0 || limit.compareTo(Duration.ofMinutes(30)) > 0) {
                violations.add(new Violation("timeLimit", null, "must be between PT1S and PT30M"));
            }
        } catch (DateTimeParseException e) {
            violations.add(new Violation("timeLimit", null, "must be an ISO-8601 duration such as PT30S"));
        }
        java.util.Set<DemoFeature> extras = java.util.Set.of();
        try {
            extras = DemoFeature.parse(features);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("features", null, e.getMessage()));
        }
        if (!violations.isEmpty()) {
            throw ApiException.badRequest("invalid demo parameters", violations);
        }
        boolean onRoads = roads.isLoaded();
        DemoSpec spec = new DemoSpec("Demo", technicians, visits, days, first, ZoneOffset.ofHours(1),
                onRoads ? TravelMode.ROAD : TravelMode.HAVERSINE, seed);
        Problem problem = DemoProblemGenerator.generate(spec, onRoads
                ? RoadDemoPoints.of(roads.source().graph(), spec) : PointSource.liechtenstein());
        problem = DemoFeature.apply(problem, extras).withOptions(problem.optionsOrDefaults().withTimeLimit(limit));
        String json = ProblemJson.write(problem);
        if (!submit) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
        }
        PlanService.Submission submission = plans.submit(problem, null, PlanService.hash(json));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/plans/"
                + submission.plan().id())).body(submission.plan());
    }

    private static void range(List<Violation> violations, String name, int value, int min, int max) {
        if (value < min || value > max) {
            violations.add(new Violation(name, null, name + " must be between " + min + " and " + max + ", got "
                    + value));
        }
    }
}
