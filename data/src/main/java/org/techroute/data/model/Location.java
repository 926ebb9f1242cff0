package org.techroute.data.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A place: {@code {"lat": .., "lon": ..}} in WGS84 degrees for real problems, or {@code {"x": .., "y": ..}}
 * for Euclidean benchmark instances (one unit = one meter, travelled at one meter per second).
 * A value object: two equal locations are one matrix entry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Location(Double lat, Double lon, Double x, Double y) {

    public static Location ofLatLon(double lat, double lon) {
        return new Location(lat, lon, null, null);
    }

    public static Location ofXy(double x, double y) {
        return new Location(null, null, x, y);
    }

    @JsonIgnore
    public boolean isGeographic() {
        return lat != null && lon != null;
    }

    @JsonIgnore
    public boolean isCartesian() {
        return x != null && y != null;
    }
}
