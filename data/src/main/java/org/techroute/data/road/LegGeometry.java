package org.techroute.data.road;

import java.util.List;

/**
 * The road path of one leg of a route, for drawing on a map.
 *
 * @param fromIndex       index of the leg's start in the ordered point list
 * @param toIndex         index of the leg's end ({@code fromIndex + 1})
 * @param reachable       false when there is no road path (then the numbers are 0 and the line is empty)
 * @param seconds         travel time in whole seconds (GraphHopper's millis rounded, as in the matrix)
 * @param millis          GraphHopper's travel time in milliseconds
 * @param meters          travel distance in meters
 * @param encodedPolyline the path as Google encoded polyline, precision 5
 * @param points          the path's points, from the snapped start to the snapped end
 */
public record LegGeometry(int fromIndex, int toIndex, boolean reachable, long seconds, long millis, double meters,
                          String encodedPolyline, List<LatLon> points) {

    public LegGeometry {
        points = List.copyOf(points);
    }

    /** The path as GeoJSON LineString coordinates: {@code [[lon, lat], ...]}. */
    public double[][] geoJsonCoordinates() {
        double[][] coordinates = new double[points.size()][];
        for (int i = 0; i < points.size(); i++) {
            coordinates[i] = new double[]{points.get(i).lon(), points.get(i).lat()};
        }
        return coordinates;
    }
}
