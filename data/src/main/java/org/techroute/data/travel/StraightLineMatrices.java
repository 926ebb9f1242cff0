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

    /**
     * Like {@link #haversine()} and {@link #euclidean()}, but each pair is computed when it is asked for, with the
     * same rounding: for a few queries on a large problem (judging appointment slots), where the full matrix would
     * cost more than everything else. Not for solving, which asks for pairs millions of times.
     */
    public static MatrixSource onDemand(boolean haversine) {
        return (locations, options) -> {
            List<Location> copy = List.copyOf(locations);
            if (haversine) {
                double metersPerMilli = options.effectiveHaversineSpeedKmh() / 3_600.0;
                return MatrixResult.of(new OnDemand(copy, (a, b) -> Math.ceil(haversineMeters(a, b)), metersPerMilli,
                        1_000));
            }
            return MatrixResult.of(new OnDemand(copy, (a, b) -> Math.hypot(a.x() - b.x(), a.y() - b.y()),
                    1.0 / 1_000.0, 1));
        };
    }

    /** A straight-line matrix computed pair by pair, with the rounding of {@link #build}. */
    private record OnDemand(List<Location> locations, Distance distance, double metersPerMilli,
            long resolutionMillis) implements TravelTimeMatrix {

        @Override
        public int size() {
            return locations.size();
        }

        @Override
        public long travelMillis(int from, int to) {
            if (from == to) {
                return 0;
            }
            return millis(distance.meters(locations.get(from), locations.get(to)), metersPerMilli, resolutionMillis);
        }

        @Override
        public double distanceMeters(int from, int to) {
            return from == to ? 0 : distance.meters(locations.get(from), locations.get(to));
        }
    }

    private static long millis(double meters, double metersPerMilli, long resolutionMillis) {
        long exact = (long) Math.ceil(meters / metersPerMilli - 1e-9);
        return (exact + resolutionMillis - 1) / resolutionMillis * resolutionMillis;
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
                    millis[i * n + j] = millis(d, metersPerMilli, resolutionMillis);
                }
            }
        }
        return new DenseTravelTimeMatrix(n, millis, meters);
    }
}
