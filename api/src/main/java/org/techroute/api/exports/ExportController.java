package org.techroute.api.exports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.ErrorResponse;
import org.techroute.api.errors.ErrorTypes;
import org.techroute.api.plans.PlanService;
import org.techroute.api.routes.RouteGeometry;
import org.techroute.api.routes.RouteGeometryProvider;
import org.techroute.data.export.PlanCalendar;
import org.techroute.data.export.PlanGeoJson;
import org.techroute.data.export.RouteSheet;
import org.techroute.data.export.RouteSheetHtml;
import org.techroute.data.export.StepCsvWriter;
import org.techroute.data.export.VisitCsvWriter;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.TravelMode;
import org.techroute.data.model.Violation;

/**
 * The plan in other hands: printable route sheets, a calendar feed per technician, and the plan as CSV and GeoJSON.
 */
@RestController
@Tag(name = "exports", description = "Route sheets, calendar feeds, CSV and GeoJSON")
class ExportController {

    static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String TEXT_CSV = "text/csv";
    static final String TEXT_CALENDAR = "text/calendar";
    static final String GEO_JSON = "application/geo+json";
    /** The sheet loads nothing and runs nothing: only its own inline style. */
    static final String SHEET_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'self'";

    private final PlanService plans;
    private final List<RouteGeometryProvider> geometry;

    ExportController(PlanService plans, List<RouteGeometryProvider> geometry) {
        this.plans = plans;
        this.geometry = geometry;
    }

    @Operation(summary = "Route sheets of every shift, printable: one page per technician and day",
            description = "An HTML page with print CSS (A4). Each shift gets its own printed page: the stops in order"
                    + " with service times, arrival, time windows, customer, address and coordinates with a"
                    + " navigation link (a geo: URI that phones open in their map app), skills and certifications"
                    + " needed, load and notes. Shifts without visits get a page that says so.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_HTML_VALUE))
    @ErrorResponse(status = "400", description = "date is not a date (YYYY-MM-DD)")
    @ErrorResponse(status = "404", description = "No such plan")
    @ErrorResponse(status = "409", description = "No solution yet")
    @GetMapping(value = "/api/plans/{id}/sheet", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> sheet(@PathVariable String id,
            @Parameter(description = "only the shifts that start on this day (YYYY-MM-DD, in the shift's offset)")
            @RequestParam(required = false) String date) {
        Problem plan = solved(id);
        LocalDate day = date(date);
        RouteSheet sheet = RouteSheet.of(plan);
        if (day != null) {
            sheet = new RouteSheet(sheet.planName(), sheet.pages().stream().filter(p -> day.equals(p.date()))
                    .toList());
        }
        return html(RouteSheetHtml.render(sheet, "Route sheets" + (plan.name() == null ? "" : ": " + plan.name())
                + (day == null ? "" : ", " + day)));
    }

    @Operation(summary = "The route sheet of one shift, printable on one page",
            description = "Like /api/plans/{id}/sheet, for one technician's shift.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_HTML_VALUE))
    @ErrorResponse(status = "404", description = "No such plan, or no such shift in it")
    @ErrorResponse(status = "409", description = "No solution yet")
    @GetMapping(value = "/api/plans/{id}/routes/{shiftId}/sheet", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> shiftSheet(@PathVariable String id, @PathVariable String shiftId) {
        Problem plan = solved(id);
        RouteSheet sheet = RouteSheet.of(plan, route -> shiftId.equals(route.shiftId()));
        if (sheet.pages().isEmpty()) {
            throw ApiException.notFound("shift", shiftId).with("planId", id);
        }
        RouteSheet.Page page = sheet.pages().get(0);
        return html(RouteSheetHtml.render(sheet, "Route sheet: " + (page.technicianName() == null
                ? page.technicianId() : page.technicianName()) + (page.date() == null ? "" : ", " + page.date())));
    }

    @Operation(summary = "A technician's route sheets, printable: one page per shift of his in the plan",
            description = "Like /api/plans/{id}/sheet, for one technician: the page he may read himself (role"
                    + " technician, his own id), as his calendar feed.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_HTML_VALUE))
    @ErrorResponse(status = "404", description = "No such plan, or no such technician in it")
    @ErrorResponse(status = "409", description = "No solution yet")
    @GetMapping(value = "/api/plans/{id}/technicians/{technicianId}/sheet", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> technicianSheet(@PathVariable String id, @PathVariable String technicianId) {
        Problem plan = solved(id);
        var technician = plan.techniciansOrEmpty().stream().filter(t -> technicianId.equals(t.id())).findFirst()
                .orElseThrow(() -> ApiException.notFound("technician", technicianId).with("planId", id));
        RouteSheet sheet = RouteSheet.of(plan, route -> technicianId.equals(route.technicianId()));
        String name = technician.name() == null ? technicianId : technician.name();
        return html(RouteSheetHtml.render(sheet, "Route sheets: " + name));
    }

    @Operation(summary = "A technician's visits as an iCalendar feed (.ics) to subscribe to in a phone calendar",
            description = "RFC 5545: one event per visit on any of the technician's shifts, with location (GEO, and a"
                    + " geo: URI as URL) and a description (window, priority, skills, notes). The UID of a visit's"
                    + " event is the same in every version of the plan, and DTSTAMP and SEQUENCE grow when the plan"
                    + " is saved again, so a calendar that refreshes the feed replaces changed events and drops"
                    + " visits no longer on the technician's routes. Times are UTC.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = TEXT_CALENDAR))
    @ErrorResponse(status = "404", description = "No such plan, or no such technician in it")
    @ErrorResponse(status = "409", description = "No solution yet")
    @GetMapping(value = "/api/plans/{id}/technicians/{technicianId}/calendar.ics", produces = TEXT_CALENDAR)
    ResponseEntity<String> calendar(@PathVariable String id, @PathVariable String technicianId) {
        PlanService.StoredPlan stored = plans.stored(id);
        Problem plan = solved(id, stored.document());
        if (plan.techniciansOrEmpty().stream().noneMatch(t -> technicianId.equals(t.id()))) {
            throw ApiException.notFound("technician", technicianId).with("planId", id);
        }
        String ics = PlanCalendar.technician(plan, id, technicianId, stored.record().updatedAt().toInstant());
        return file(ics, MediaType.parseMediaType(TEXT_CALENDAR + ";charset=UTF-8"),
                PlanCalendar.fileName(technicianId), false);
    }

    @Operation(summary = "The plan as CSV: one row per step (travel, wait, break, service) of every route",
            description = "Columns: " + "shift_id, technician_id, technician_name, step, type, visit_id, customer,"
                    + " start, end, duration_seconds, arrival, travel_meters, late_seconds, lat, lon, x, y."
                    + " RFC 4180 (comma, CRLF, UTF-8).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = TEXT_CSV))
    @ErrorResponse(status = "404", description = "No such plan")
    @ErrorResponse(status = "409", description = "No solution yet")
    @GetMapping(value = "/api/plans/{id}/steps.csv", produces = TEXT_CSV)
    ResponseEntity<String> steps(@PathVariable String id) {
        return file(StepCsvWriter.write(solved(id)), csv(), "plan-" + id + "-steps.csv", true);
    }

    @Operation(summary = "The plan's visits as CSV, in the import's columns",
            description = "id, customer, address, lat, lon, x, y, duration, window_start, window_end, priority,"
                    + " skills, certifications, required_technicians, preferred_technicians, excluded_technicians,"
                    + " demand, notes: what POST /api/plans/import reads, so an export imports as the same visits."
                    + " Also before the plan is solved.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = TEXT_CSV))
    @ErrorResponse(status = "404", description = "No such plan")
    @GetMapping(value = "/api/plans/{id}/visits.csv", produces = TEXT_CSV)
    ResponseEntity<String> visits(@PathVariable String id) {
        return file(VisitCsvWriter.write(plans.stored(id).document()), csv(), "plan-" + id + "-visits.csv", true);
    }

    @Operation(summary = "The plan as GeoJSON for GIS tools: routes as LineStrings, stops as Points",
            description = "A FeatureCollection (RFC 7946, positions [lon, lat]). Feature property 'kind': 'route'"
                    + " (LineString along the roads in road mode with a loaded graph, else straight between stops;"
                    + " property 'geometry' says which), 'start', 'visit' (with sequence and times), 'end' and"
                    + " 'unassigned' (with reason).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = GEO_JSON))
    @ErrorResponse(status = "404", description = "No such plan")
    @ErrorResponse(status = "409", description = "No solution yet")
    @ErrorResponse(status = "422", description = "Euclidean plans have no map geometry (type no-map-geometry)")
    @GetMapping(value = "/api/plans/{id}/routes.geojson", produces = { GEO_JSON, MediaType.APPLICATION_JSON_VALUE })
    ResponseEntity<String> geoJson(@PathVariable String id) {
        Problem plan = plans.stored(id).document();
        if (plan.optionsOrDefaults().effectiveTravelMode() == TravelMode.EUCLIDEAN) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorTypes.NO_MAP_GEOMETRY, "No map geometry",
                    "no map geometry for euclidean plans (x/y coordinates are not on a map)");
        }
        Problem solved = solved(id, plan);
        PlanGeoJson.RouteLines lines = geometry.stream().filter(p -> p.supports(solved)).findFirst()
                .map(provider -> lines(provider.routes(solved))).orElse(null);
        return file(PlanGeoJson.write(solved, lines), MediaType.parseMediaType(GEO_JSON), "plan-" + id + ".geojson",
                false);
    }

    private static PlanGeoJson.RouteLines lines(List<RouteGeometry> routes) {
        Map<String, RouteGeometry> byShift = routes.stream()
                .collect(Collectors.toMap(RouteGeometry::shiftId, Function.identity(), (a, b) -> a));
        return new PlanGeoJson.RouteLines() {
            @Override
            public List<double[]> line(Route route) {
                RouteGeometry drawn = byShift.get(route.shiftId());
                return drawn == null || RouteGeometry.STRAIGHT_LINE.equals(drawn.geometry()) ? null
                        : drawn.points().stream().map(p -> new double[] { p.lat(), p.lon() }).toList();
            }

            @Override
            public String geometry() {
                return RouteGeometry.ROAD;
            }
        };
    }

    private Problem solved(String id) {
        return solved(id, plans.stored(id).document());
    }

    private static Problem solved(String id, Problem plan) {
        if (plan.solution() == null) {
            throw ApiException.conflict("plan '" + id + "' has no solution yet");
        }
        return plan;
    }

    private static LocalDate date(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date must be a date such as 2026-11-24",
                    List.of(new Violation("date", null, "'" + date + "' is not a date (YYYY-MM-DD)")));
        }
    }

    private static ResponseEntity<String> html(String html) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", SHEET_POLICY).header("X-Content-Type-Options", "nosniff")
                .body(html);
    }

    private static MediaType csv() {
        return new MediaType("text", "csv", StandardCharsets.UTF_8);
    }

    private static ResponseEntity<String> file(String body, MediaType type, String fileName, boolean attachment) {
        ContentDisposition disposition = (attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(fileName, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff").body(body);
    }
}
