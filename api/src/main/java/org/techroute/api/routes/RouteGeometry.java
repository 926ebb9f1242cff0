package org.techroute.api.routes;

import java.util.List;

/**
 * The line of one shift's route: start location, each visit, end location.
 *
 * @param geometry {@code straight-line} (segments between stops) or {@code road} (the driven roads)
 */
public record RouteGeometry(String shiftId, String technicianId, String geometry, List<String> visitIds,
        List<Point> points) {

    public static final String STRAIGHT_LINE = "straight-line";
    public static final String ROAD = "road";

    /** A point in WGS84 degrees. */
    public record Point(double lat, double lon) {
    }
}
