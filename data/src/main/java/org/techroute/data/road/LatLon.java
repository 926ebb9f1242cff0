package org.techroute.data.road;

/**
 * A WGS84 position in degrees.
 *
 * @param lat latitude, -90..90
 * @param lon longitude, -180..180
 */
public record LatLon(double lat, double lon) {

    public LatLon {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("not a WGS84 position: lat=" + lat + ", lon=" + lon);
        }
    }

    @Override
    public String toString() {
        return lat + "," + lon;
    }
}
