package org.techroute.data.demo;

import java.util.SplittableRandom;

import org.techroute.data.model.Location;

/** Where generated homes and customers are: random points in a box, or points on a road graph. */
public interface PointSource {

    Location next(SplittableRandom random);

    /** Uniformly random points in a latitude/longitude box (for straight-line travel modes). */
    static PointSource box(double minLat, double minLon, double maxLat, double maxLon) {
        return random -> Location.ofLatLon(round(minLat + random.nextDouble() * (maxLat - minLat)),
                round(minLon + random.nextDouble() * (maxLon - minLon)));
    }

    /** The given points in order, then again from the first: e.g. points sampled on a road graph. */
    static PointSource sequence(java.util.List<Location> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points to take from");
        }
        int[] next = { 0 };
        return random -> points.get(next[0]++ % points.size());
    }

    /** The Rhine valley of Liechtenstein, where the shared road extract is. */
    static PointSource liechtenstein() {
        return box(47.06, 9.49, 47.24, 9.58);
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
