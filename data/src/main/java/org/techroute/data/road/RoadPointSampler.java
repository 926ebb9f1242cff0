package org.techroute.data.road;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic random road points for demos and benchmarks: uniform positions in the road graph's bounding
 * box, snapped to the main road network; positions that fail snapping (too far from a road, cut off) are
 * discarded and redrawn. The same graph, seed and counts always give the same points.
 */
public final class RoadPointSampler {

    /** Home bases and visit points drawn by {@link #sample(int, int)}. */
    public record Sample(List<LatLon> homeBases, List<LatLon> visits) {
    }

    private static final int BATCH = 256;
    private static final int MAX_DRAWS_PER_POINT = 1000;

    private final RoadGraph graph;
    private final long seed;

    public RoadPointSampler(RoadGraph graph, long seed) {
        this.graph = graph;
        this.seed = seed;
    }

    /** {@code homeBases} + {@code visits} snapped road points, home bases drawn first. */
    public Sample sample(int homeBases, int visits) {
        List<LatLon> all = points(homeBases + visits);
        return new Sample(List.copyOf(all.subList(0, homeBases)), List.copyOf(all.subList(homeBases, all.size())));
    }

    /**
     * {@code count} snapped road points (the snapped positions, not the drawn ones).
     *
     * @throws IllegalStateException when the extract has too few roads to find them
     */
    public List<LatLon> points(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        GeoBounds b = graph.bounds();
        Random random = new Random(seed);
        List<LatLon> result = new ArrayList<>(count);
        long draws = 0;
        while (result.size() < count) {
            if (draws > (long) MAX_DRAWS_PER_POINT * Math.max(count, 1)) {
                throw new IllegalStateException("found only " + result.size() + " of " + count + " road points after "
                        + draws + " random draws in " + b + "; is the extract mostly empty?");
            }
            List<LatLon> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                batch.add(new LatLon(b.minLat() + random.nextDouble() * (b.maxLat() - b.minLat()),
                        b.minLon() + random.nextDouble() * (b.maxLon() - b.minLon())));
            }
            draws += BATCH;
            for (PointSnap s : graph.snapAll(batch).points()) {
                if (s.ok() && result.size() < count) {
                    result.add(s.snapped());
                }
            }
        }
        return result;
    }
}
