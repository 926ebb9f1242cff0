package org.techroute.data.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Shift;
import org.techroute.data.model.Step;
import org.techroute.data.model.Technician;
import org.techroute.data.model.UnassignedVisit;
import org.techroute.data.model.Visit;

/**
 * A solved plan as GeoJSON (RFC 7946) for GIS tools: a {@code FeatureCollection} with, per route that has visits,
 * a {@code LineString} (property {@code kind: "route"}), its start and end ({@code "start"}, {@code "end"}) and each
 * visit served ({@code "visit"}) as {@code Point}s, and every unassigned visit ({@code "unassigned"}) as a
 * {@code Point}. Positions are {@code [lon, lat]}, as GeoJSON requires. Only for plans on a map (lat/lon).
 */
public final class PlanGeoJson {

    /** The line of one route as {@code [lat, lon]} points, when a caller has a better one than straight lines. */
    public interface RouteLines {

        /** The points of the route's line, or null to draw straight lines between its stops. */
        List<double[]> line(Route route);

        /** What {@link #line} draws, e.g. {@code road}. */
        String geometry();
    }

    private static final ObjectMapper MAPPER = ProblemJson.mapper();

    private PlanGeoJson() {
    }

    /** Straight lines between the stops. */
    public static String write(Problem plan) {
        return write(plan, null);
    }

    public static String write(Problem plan, RouteLines lines) {
        Map<String, Technician> technicians = plan.techniciansOrEmpty().stream()
                .collect(Collectors.toMap(Technician::id, Function.identity(), (a, b) -> a));
        Map<String, Shift> shifts = plan.shiftsOrEmpty().stream()
                .collect(Collectors.toMap(Shift::id, Function.identity(), (a, b) -> a));
        Map<String, Visit> visits = plan.visitsOrEmpty().stream()
                .collect(Collectors.toMap(Visit::id, Function.identity(), (a, b) -> a));
        ObjectNode collection = MAPPER.createObjectNode().put("type", "FeatureCollection");
        if (plan.name() != null) {
            collection.put("name", plan.name());
        }
        ArrayNode features = collection.putArray("features");
        List<Route> routes = plan.solution() == null || plan.solution().routes() == null ? List.of()
                : plan.solution().routes();
        for (Route route : routes) {
            if (route.visitIds() == null || route.visitIds().isEmpty()) {
                continue;
            }
            Technician technician = technicians.get(route.technicianId());
            Shift shift = shifts.get(route.shiftId());
            Location home = technician == null ? null : technician.home();
            Location start = shift != null && shift.startLocation() != null ? shift.startLocation() : home;
            Location end = shift != null && shift.endLocation() != null ? shift.endLocation() : home;
            List<double[]> line = lines == null ? null : lines.line(route);
            String geometry = line == null ? "straight-line" : lines.geometry();
            if (line == null) {
                line = new ArrayList<>();
                addPoint(line, start);
                for (String visitId : route.visitIds()) {
                    Visit visit = visits.get(visitId);
                    addPoint(line, visit == null ? null : visit.location());
                }
                addPoint(line, end);
            }
            ObjectNode routeFeature = feature(features, "LineString");
            ArrayNode coordinates = ((ObjectNode) routeFeature.get("geometry")).putArray("coordinates");
            line.forEach(p -> coordinates.addArray().add(p[1]).add(p[0]));
            ObjectNode properties = (ObjectNode) routeFeature.get("properties");
            properties.put("kind", "route").put("shiftId", route.shiftId()).put("technicianId", route.technicianId())
                    .put("technicianName", technician == null ? null : technician.name())
                    .put("geometry", geometry).put("visits", route.visitIds().size());
            ArrayNode ids = properties.putArray("visitIds");
            route.visitIds().forEach(ids::add);
            properties.put("start", text(route.start())).put("end", text(route.end()))
                    .put("travelMeters", route.travelMeters()).put("travelSeconds", route.travelSeconds());
            point(features, start, "start", route, null);
            int sequence = 0;
            for (Step step : route.steps() == null ? List.<Step>of() : route.steps()) {
                if (step.type() != Step.StepType.SERVICE) {
                    continue;
                }
                Visit visit = visits.get(step.visitId());
                ObjectNode visitProperties = point(features, visit == null ? null : visit.location(), "visit", route,
                        visit);
                if (visitProperties != null) {
                    visitProperties.put("sequence", ++sequence).put("arrival", text(step.arrival()))
                            .put("start", text(step.start())).put("end", text(step.end()));
                    if (step.lateSeconds() != null) {
                        visitProperties.put("lateSeconds", step.lateSeconds());
                    }
                }
            }
            point(features, end, "end", route, null);
        }
        if (plan.solution() != null && plan.solution().unassignedVisits() != null) {
            for (UnassignedVisit unassigned : plan.solution().unassignedVisits()) {
                Visit visit = visits.get(unassigned.visitId());
                ObjectNode properties = point(features, visit == null ? null : visit.location(), "unassigned", null,
                        visit);
                if (properties != null) {
                    properties.put("reason", unassigned.reason()).put("detail", unassigned.detail());
                }
            }
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(collection) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addPoint(List<double[]> line, Location location) {
        if (location != null && location.isGeographic()) {
            line.add(new double[] { location.lat(), location.lon() });
        }
    }

    private static ObjectNode feature(ArrayNode features, String type) {
        ObjectNode feature = features.addObject().put("type", "Feature");
        feature.putObject("geometry").put("type", type);
        feature.putObject("properties");
        return feature;
    }

    /** Adds a point feature and returns its properties (null when the location is not on a map). */
    private static ObjectNode point(ArrayNode features, Location location, String kind, Route route, Visit visit) {
        if (location == null || !location.isGeographic()) {
            return null;
        }
        ObjectNode feature = feature(features, "Point");
        ((ObjectNode) feature.get("geometry")).putArray("coordinates").add(location.lon()).add(location.lat());
        ObjectNode properties = (ObjectNode) feature.get("properties");
        properties.put("kind", kind);
        if (route != null) {
            properties.put("shiftId", route.shiftId()).put("technicianId", route.technicianId());
        }
        if (visit != null) {
            properties.put("visitId", visit.id()).put("customer", visit.customerName())
                    .put("priority", visit.priorityOrDefault().name());
            if (visit.address() != null) {
                properties.put("address", visit.address());
            }
        }
        return properties;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
