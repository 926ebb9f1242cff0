package org.techroute.data.export;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.techroute.data.model.Location;

/**
 * {@code geo:} URIs (RFC 5870) that a phone opens in its map app: {@code geo:47.141,9.5209?q=47.141,9.5209}. The
 * {@code q} query asks Android's map apps to put a pin there (a plain {@code geo:} URI only centres the map).
 */
public final class GeoUri {

    private GeoUri() {
    }

    /** The URI of a WGS84 location, or null for an x/y location (not on a map) or none. */
    public static String of(Location location) {
        if (location == null || !location.isGeographic()) {
            return null;
        }
        String point = coordinate(location.lat()) + "," + coordinate(location.lon());
        return "geo:" + point + "?q=" + point;
    }

    /** Degrees to at most 6 decimals (about 0.1 m), without trailing zeros or exponent. */
    static String coordinate(double degrees) {
        BigDecimal value = BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }
}
