package org.techroute.data.road;

/** A latitude/longitude rectangle in degrees. */
public record GeoBounds(double minLat, double minLon, double maxLat, double maxLon) {

    public boolean contains(double lat, double lon) {
        return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
    }
}
