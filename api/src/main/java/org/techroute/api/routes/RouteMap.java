package org.techroute.api.routes;

import java.util.List;
import java.util.Map;

/**
 * A GeoJSON FeatureCollection (RFC 7946; one LineString per route, coordinates [lon, lat] as GeoJSON requires)
 * with the same routes as named points in the foreign member {@code routes}.
 */
public record RouteMap(String type, String planId, List<Feature> features, List<RouteGeometry> routes) {

    /** A GeoJSON feature. */
    public record Feature(String type, Map<String, Object> properties, LineString geometry) {
    }

    /** A GeoJSON LineString. */
    public record LineString(String type, List<double[]> coordinates) {
    }

    public static RouteMap of(String planId, List<RouteGeometry> routes) {
        List<Feature> features = routes.stream().map(r -> new Feature("Feature", Map.of("shiftId", r.shiftId(),
                "technicianId", r.technicianId(), "geometry", r.geometry(), "visitIds", r.visitIds()),
                new LineString("LineString", r.points().stream().map(p -> new double[] { p.lon(), p.lat() })
                        .toList()))).toList();
        return new RouteMap("FeatureCollection", planId, features, routes);
    }
}
