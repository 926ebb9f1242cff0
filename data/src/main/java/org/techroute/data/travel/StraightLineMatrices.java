package org.techroute.data.travel;

import java.util.List;

import org.techroute.data.model.Location;
import org.techroute.solver.travel.DenseTravelTimeMatrix;
import org.techroute.solver.travel.TravelTimeMatrix;

/**
 * The explicit straight-line travel modes: never a fallback, only used when a problem asks for them.
 * Travel times are rounded up to the millisecond, so a plan that keeps its time windows in these times also
 * keeps them with exact (double precision) times.
 */
public final class StraightLineMatrices {

    /** Mean Earth radius (IUGG), meters. */
    static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private StraightLineMatrices() {
    }

    /** Great-circle distance at a constant speed. */
    public static MatrixSource haversine() {
        return (locations, options) -> MatrixResult.of(haversine(locations, options.effectiveHaversineSpeedKmh()));
    }

    /** Euclidean distance between x/y coordinates; one unit is one meter, travelled in one second. */
    public static MatrixSource euclidean() {
        return (locations, options) -> MatrixResult.of(euclidean(locations));
    }

    /** Haversine travel is rounded up to whole seconds and meters, like road travel. */
    public static TravelTimeMatrix haversine(List<Location> locations, double speedKmh) {
        double metersPerMilli = speedKmh / 3_600.0;
        return build(locations, (a, b) -> Math.ceil(haversineMeters(a, b)), metersPerMilli, 1_000);
    }

    public static TravelTimeMatrix euclidean(List<Location> locations) {
        return build(locations, (a, b) -> Math.hypot(a.x() - b.x(), a.y() - b.y()), 1.0 / 1_000.0, 1);
    }

    public static double haversineMeters(Location a, Location b) {
        double lat1 = Math.toRadians(a.lat());
        double lat2 = Math.toRadians(b.lat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    private interface Distance {
        double meters(Location a, Location b);
    }

    /** Travel times are rounded up to a multiple of {@code resolutionMillis}. */
    private static TravelTimeMatrix build(List<Location> locations, Distance distance, double metersPerMilli,
            long resolutionMillis) {
        int n = locations.size();
        long[] millis = new long[n * n];
        double[] meters = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    double d = distance.meters(locations.get(i), locations.get(j));
                    meters[i * n + j] = d;
                    long exact = (long) Math.ceil(d / metersPerMilli - 1e-9);
                    millis[i * n + j] = (exact + resolutionMillis - 1) / resolutionMillis * resolutionMillis;
                }
            }
        }
        return new DenseTravelTimeMatrix(n, millis, meters);
    }
}
