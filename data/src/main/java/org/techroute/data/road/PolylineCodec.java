package org.techroute.data.road;

import java.util.ArrayList;
import java.util.List;

/**
 * Google's encoded polyline format with precision 5 (1e-5 degrees, about 1 m), as drawn by Leaflet/Google Maps
 * plugins and returned by GraphHopper/OSRM with {@code points_encoded=true}. Latitude comes first in each pair.
 */
public final class PolylineCodec {

    private static final double FACTOR = 1e5;

    private PolylineCodec() {
    }

    public static String encode(List<LatLon> points) {
        StringBuilder sb = new StringBuilder(points.size() * 6);
        long prevLat = 0;
        long prevLon = 0;
        for (LatLon p : points) {
            long lat = Math.round(p.lat() * FACTOR);
            long lon = Math.round(p.lon() * FACTOR);
            appendValue(sb, lat - prevLat);
            appendValue(sb, lon - prevLon);
            prevLat = lat;
            prevLon = lon;
        }
        return sb.toString();
    }

    public static List<LatLon> decode(String encoded) {
        List<LatLon> points = new ArrayList<>();
        int[] pos = {0};
        long lat = 0;
        long lon = 0;
        while (pos[0] < encoded.length()) {
            lat += readValue(encoded, pos);
            lon += readValue(encoded, pos);
            points.add(new LatLon(lat / FACTOR, lon / FACTOR));
        }
        return points;
    }

    private static void appendValue(StringBuilder sb, long delta) {
        long v = delta < 0 ? ~(delta << 1) : delta << 1;
        while (v >= 0x20) {
            sb.append((char) ((0x20 | (v & 0x1f)) + 63));
            v >>= 5;
        }
        sb.append((char) (v + 63));
    }

    private static long readValue(String s, int[] pos) {
        long result = 0;
        int shift = 0;
        int b;
        do {
            if (pos[0] >= s.length()) {
                throw new IllegalArgumentException("truncated encoded polyline at character " + pos[0]);
            }
            b = s.charAt(pos[0]++) - 63;
            result |= (long) (b & 0x1f) << shift;
            shift += 5;
        } while (b >= 0x20);
        return (result & 1) != 0 ? ~(result >> 1) : result >> 1;
    }
}
