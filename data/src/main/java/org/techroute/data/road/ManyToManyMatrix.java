package org.techroute.data.road;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.techroute.solver.travel.CompactTravelTimeMatrix;

import java.util.Random;

/**
 * All-pairs road matrix on the contraction hierarchy, choosing the cheaper of two exact methods:
 * {@link BucketMatrix} (bucket many-to-many; cost ~ points^2 x search-space overlap) or {@link SweepMatrix}
 * (one-to-all sweep per point; cost ~ points x graph size). The choice uses a sample of upward searches to
 * estimate the bucket scans per source. Both give the path GraphHopper's CH {@code route()} gives.
 */
final class ManyToManyMatrix {

    /** Which method to use; {@link #AUTO} estimates the cost of both. */
    enum Strategy { AUTO, BUCKETS, SWEEP }

    private static final Logger LOG = LoggerFactory.getLogger(ManyToManyMatrix.class);
    private static final int SAMPLE_SEARCHES = 32;
    /** largest n with n*n <= Integer.MAX_VALUE. */
    static final int MAX_POINTS = 46_340;
    /** a swept edge costs about this many bucket entry scans (three arrays and a compare vs. two arrays). */
    private static final double SWEEP_EDGE_COST = 2.0;

    private final RoadGraph road;
    private final int threads;
    private final Strategy strategy;

    ManyToManyMatrix(RoadGraph road, int threads) {
        this(road, threads, Strategy.AUTO);
    }

    ManyToManyMatrix(RoadGraph road, int threads, Strategy strategy) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.road = road;
        this.threads = threads;
        this.strategy = strategy;
    }

    CompactTravelTimeMatrix compute(SnapResult snaps) {
        snaps.requireAllSnapped();
        if (snaps.points().size() > MAX_POINTS) {
            throw new IllegalArgumentException("a road matrix holds at most " + MAX_POINTS + " locations (one array of"
                    + " size^2 cells), got " + snaps.points().size());
        }
        long start = System.nanoTime();
        MatrixPoints points = MatrixPoints.of(road, snaps, threads);
        LOG.debug("{} points in {} slots prepared in {} ms", snaps.points().size(), points.slots(),
                (System.nanoTime() - start) / 1_000_000);
        boolean sweep = switch (strategy) {
            case SWEEP -> true;
            case BUCKETS -> false;
            case AUTO -> road.downwardGraph() != null && sweepIsCheaper(points);
        };
        if (sweep) {
            return new SweepMatrix(road, threads).compute(points);
        }
        return new BucketMatrix(road, threads).compute(points);
    }

    private boolean sweepIsCheaper(MatrixPoints points) {
        DownwardGraph down = road.downwardGraph();
        int slots = points.slots();
        int samples = Math.min(SAMPLE_SEARCHES, slots);
        if (samples == 0) {
            return false;
        }
        int[] visits = new int[road.chGraph().getNodes()];
        UpwardSearch search = new UpwardSearch(road.chGraph(), road.edgeCosts(), road.levels(), false);
        Random random = new Random(slots);
        for (int k = 0; k < samples; k++) {
            MatrixPoints.run(search, points.access[random.nextInt(slots)].leave);
            for (int i = 0; i < search.settledCount(); i++) {
                visits[search.settledNode(i)]++;
            }
        }
        // a node in a fraction f of the search spaces has a bucket of ~f*slots entries, scanned by ~f of the sources
        double overlap = 0;
        for (int v : visits) {
            double f = (double) v / samples;
            overlap += f * f;
        }
        double bucketScansPerSource = overlap * slots;
        double sweepCostPerSource = down.nodes + SWEEP_EDGE_COST * down.edges();
        boolean sweep = sweepCostPerSource < bucketScansPerSource;
        LOG.debug("matrix method for {} points: {} (bucket scans/source ~{}, sweep cost/source ~{})", slots,
                sweep ? "sweep" : "buckets", Math.round(bucketScansPerSource), Math.round(sweepCostPerSource));
        return sweep;
    }
}
