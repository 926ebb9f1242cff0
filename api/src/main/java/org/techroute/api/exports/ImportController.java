package org.techroute.api.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.ErrorResponse;
import org.techroute.api.errors.JsonBodies;
import org.techroute.api.plans.PlanService;
import org.techroute.api.plans.PlanStatusView;
import org.techroute.data.imports.ColumnMapping;
import org.techroute.data.imports.ImportException;
import org.techroute.data.imports.VisitCsvReader;
import org.techroute.data.imports.VisitImport;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Violation;
import org.techroute.data.validation.ProblemValidator;

/** {@code POST /api/plans/import}: the day's calls from a CSV file (a ticketing system's export) into a plan. */
@RestController
@Tag(name = "exports", description = "Route sheets, calendar feeds, CSV and GeoJSON")
class ImportController {

    /** The answer to a submitted import: the plan, as POST /api/plans answers, and what was read. */
    record ImportedPlan(PlanStatusView plan, int visitsImported, List<String> ignoredColumns) {
    }

    /** The multipart body, for the OpenAPI description. */
    record ImportForm(
            @Schema(description = "the visits, CSV (UTF-8; comma or semicolon separated; first line the header)",
                    type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String visits,
            @Schema(description = "the base problem: technicians, shifts and options (and any visits it already"
                    + " has), the JSON of POST /api/plans", type = "string", format = "binary",
                    requiredMode = Schema.RequiredMode.REQUIRED) String problem) {
    }

    private final PlanService plans;
    private final VisitImport visitImport;

    ImportController(PlanService plans, ProblemValidator validator) {
        this.plans = plans;
        this.visitImport = new VisitImport(validator);
    }

    @Operation(summary = "Import visits from CSV into a base problem, and solve it",
            description = "multipart/form-data with two parts: 'visits', a CSV file whose columns are described in"
                    + " docs/import.md (id, customer, address, lat, lon, duration, window_start, window_end, priority,"
                    + " skills, ...), and 'problem', a problem document with the technicians, shifts and options the"
                    + " visits are planned for. Headers of another system are renamed with 'map'. Every bad row is"
                    + " reported with its line and column (422, type invalid-import, 'errors'), and nothing is"
                    + " imported when any row is bad. Addresses are not geocoded: each visit needs lat and lon."
                    + " With submit=true (default) the plan is stored and solved (202, as POST /api/plans); with"
                    + " submit=false the problem with the imported visits is returned (200) and nothing is stored.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(implementation = ImportForm.class),
                            encoding = { @Encoding(name = "visits", contentType = "text/csv"),
                                    @Encoding(name = "problem", contentType = MediaType.APPLICATION_JSON_VALUE) })))
    @ApiResponse(responseCode = "202", description = "Imported and submitted; Location: /api/plans/{id}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ImportedPlan.class)))
    @ApiResponse(responseCode = "200", description = "submit=false: the problem with the imported visits",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Problem.class)))
    @ErrorResponse(status = "400", description = "A missing part, a malformed base problem (type"
            + " malformed-json), or a bad map or zone parameter")
    @ErrorResponse(status = "413", description = "Body too large (type too-large)")
    @ErrorResponse(status = "422", description = "Bad rows (type invalid-import: 'errors', each with line,"
            + " column, field, visitId, message; or path for the base problem), or an unsupported travel mode")
    @ErrorResponse(status = "429", description = "Solver queue full (type queue-full, Retry-After)")
    @PostMapping(value = "/api/plans/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> importVisits(@RequestPart("visits") MultipartFile visits,
            @RequestPart("problem") MultipartFile problem,
            @Parameter(description = "header renames, 'Ticket ID=id,Subject=customer,Due=window_end'")
            @RequestParam(required = false) String map,
            @Parameter(description = "time zone for date-times without offset, e.g. Europe/Vaduz")
            @RequestParam(required = false) String zone,
            @Parameter(description = "store and solve the plan (default), or only return the problem")
            @RequestParam(defaultValue = "true") boolean submit,
            @Parameter(in = ParameterIn.HEADER, description = "makes retries safe: 1-200 visible ASCII characters")
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        byte[] csvBytes = bytes(visits);
        byte[] problemBytes = bytes(problem);
        Problem base;
        try {
            base = JsonBodies.problem(problemBytes);
        } catch (ApiException e) {
            throw e.with("part", "problem");
        }
        VisitCsvReader reader = new VisitCsvReader(mapping(map), zone(zone));
        VisitImport.Result result;
        try {
            result = visitImport.importVisits(base, VisitCsvReader.decode(csvBytes), reader);
        } catch (ImportException e) {
            throw ImportErrors.of(e);
        }
        if (!submit) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result.problem());
        }
        String hash = PlanService.hash(PlanService.hash(csvBytes) + PlanService.hash(problemBytes) + "|" + map + "|"
                + zone);
        PlanService.Submission submission = plans.submit(result.problem(), idempotencyKey, hash);
        return ResponseEntity.status(submission.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/plans/" + submission.plan().id()))
                .body(new ImportedPlan(submission.plan(), result.imported(), result.ignoredHeaders()));
    }

    private static byte[] bytes(MultipartFile part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ColumnMapping mapping(String map) {
        try {
            return ColumnMapping.parse(map);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the header mapping cannot be read: " + e.getMessage(),
                    List.of(new Violation("map", null, e.getMessage())));
        }
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw ApiException.badRequest("zone is not a time zone",
                    List.of(new Violation("zone", null, "'" + zone + "' is not a time zone such as Europe/Vaduz or"
                            + " +01:00")));
        }
    }
}
