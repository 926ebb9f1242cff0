package org.techroute.data.road;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.techroute.solver.travel.CompactTravelTimeMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Road travel matrices for lists of locations: snaps them, computes the all-pairs matrix on the road graph and
 * keeps recent matrices in an LRU cache, so re-optimizing the same plan does not recompute. Thread-safe; two
 * concurrent requests for the same new location list may both compute it.
 */
public final class RoadMatrixService {

    private static final Logger LOG = LoggerFactory.getLogger(RoadMatrixService.class);
    /** Default cache bound: 8 matrices and 60 million pairs (about 480 MB). */
    public static final int DEFAULT_CACHE_ENTRIES = 8;
    public static final long DEFAULT_CACHE_PAIRS = 60_000_000L;

    private final RoadGraph graph;
    private final ManyToManyMatrix calculator;
    private final MatrixCache cache;
    private final AtomicLong computations = new AtomicLong();

    /** Uses all available processors and the default cache bounds. */
    public RoadMatrixService(RoadGraph graph) {
        this(graph, Runtime.getRuntime().availableProcessors(), DEFAULT_CACHE_ENTRIES, DEFAULT_CACHE_PAIRS);
    }

    /**
     * @param threads           threads for the matrix searches
     * @param cacheEntries      at most this many cached matrices (0 disables the cache)
     * @param cachePairs        at most this many cached pairs in total
     */
    public RoadMatrixService(RoadGraph graph, int threads, int cacheEntries, long cachePairs) {
        this.graph = graph;
        this.calculator = new ManyToManyMatrix(graph, threads);
        this.cache = new MatrixCache(cacheEntries, cachePairs);
    }

    /**
     * Snaps the locations and returns their travel matrix (index = position in {@code locations}).
     * Unusable locations are reported in {@link RoadMatrixResult#problems()}, never thrown.
     */
    public RoadMatrixResult matrix(List<LatLon> locations) {
        SnapResult snaps = graph.snapAll(locations);
        if (!snaps.allSnapped()) {
            return new RoadMatrixResult(snaps, null, snaps.problems());
        }
        CompactTravelTimeMatrix matrix = matrix(snaps);
        return new RoadMatrixResult(snaps, matrix, unreachable(snaps, matrix));
    }

    /**
     * The travel matrix of already snapped locations (all must have snapped), using the cache.
     *
     * @throws RoadPointsException when some location failed snapping
     */
    public CompactTravelTimeMatrix matrix(SnapResult snaps) {
        snaps.requireAllSnapped();
        MatrixCache.Key key = new MatrixCache.Key(graph.config().profileFingerprint(), snaps.snappedPoints());
        CompactTravelTimeMatrix matrix = cache.get(key);
        if (matrix == null) {
            long start = System.nanoTime();
            matrix = calculator.compute(snaps);
            computations.incrementAndGet();
            LOG.debug("Road matrix {}x{} computed in {} ms", matrix.size(), matrix.size(),
                    (System.nanoTime() - start) / 1_000_000);
            cache.put(key, matrix);
        }
        return matrix;
    }

    /** How many matrices were computed (not served from the cache) since this service was created. */
    public long computations() {
        return computations.get();
    }

    /** Locations from which no other location can be reached, or which no other location can reach. */
    private static List<PointProblem> unreachable(SnapResult snaps, CompactTravelTimeMatrix m) {
        int n = m.size();
        List<PointProblem> problems = new ArrayList<>();
        if (n < 2) {
            return problems;
        }
        boolean[] reachesAny = new boolean[n];
        boolean[] reachedByAny = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && m.isReachable(i, j)) {
                    reachesAny[i] = true;
                    reachedByAny[j] = true;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!reachesAny[i] || !reachedByAny[i]) {
                String what = !reachesAny[i] && !reachedByAny[i] ? "no other location can be reached from or to it"
                        : !reachesAny[i] ? "no other location can be reached from it"
                        : "it cannot be reached from any other location";
                problems.add(new PointProblem(i, RoadProblem.DISCONNECTED, "location " + i + " ("
                        + snaps.points().get(i).query() + "): " + what + " by road"));
            }
        }
        return problems;
    }
}
