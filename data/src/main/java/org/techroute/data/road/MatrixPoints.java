package org.techroute.data.road;

import com.graphhopper.routing.Path;
import com.graphhopper.routing.ch.CHRoutingAlgorithmFactory;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.querygraph.QueryRoutingCHGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.PMap;
import org.techroute.solver.travel.CompactTravelTimeMatrix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The snapped points of one matrix request, prepared for searches on the plain contraction hierarchy (no
 * query graph with thousands of virtual nodes, which would let every search detour through other points' edges):
 * points with an identical snap share a slot, and each slot knows how to leave and reach the real graph
 * ({@link PointAccess}). Pairs of points on the same road edge are the one case the edge-end view cannot
 * express; {@link #fixPointsOnTheSameEdge} routes those with GraphHopper's own CH query.
 */
final class MatrixPoints {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MatrixPoints.class);

    final int points;
    final int[] slotOfPoint;
    final List<Snap> snapOfSlot;
    final List<List<Integer>> pointsOfSlot;
    final PointAccess[] access;
    /** for each slot, the other slots on the same road edge (empty for most). */
    private final int[][] sameEdge;

    private MatrixPoints(int points, int[] slotOfPoint, List<Snap> snapOfSlot, List<List<Integer>> pointsOfSlot,
                         PointAccess[] access) {
        this.points = points;
        this.slotOfPoint = slotOfPoint;
        this.snapOfSlot = snapOfSlot;
        this.pointsOfSlot = pointsOfSlot;
        this.access = access;
        Map<Integer, List<Integer>> slotsOfEdge = new HashMap<>();
        for (int s = 0; s < access.length; s++) {
            if (access[s].edge >= 0) {
                slotsOfEdge.computeIfAbsent(access[s].edge, e -> new ArrayList<>(2)).add(s);
            }
        }
        this.sameEdge = new int[access.length][];
        for (int s = 0; s < access.length; s++) {
            List<Integer> group = access[s].edge >= 0 ? slotsOfEdge.get(access[s].edge) : List.of();
            int self = s;
            sameEdge[s] = group.stream().mapToInt(Integer::intValue).filter(t -> t != self).toArray();
        }
    }

    /**
     * For targets on the same road edge as source slot {@code s}: the direct drive along the edge, when the road
     * allows it and it beats the best path found via the edge ends (the only path the edge-end view misses).
     * Its cost is the source's partial edge towards that end, scaled to the gap (one edge has one speed).
     *
     * @return false when some pair has no usable edge position and must be routed by GraphHopper instead
     */
    boolean applyDirectDrives(int s, double[] bestWeight, long[] bestMillis, double[] bestMeters) {
        PointAccess from = access[s];
        boolean complete = true;
        for (int t : sameEdge[s]) {
            PointAccess to = access[t];
            if (!from.hasEdgePosition() || !to.hasEdgePosition() || from.lowEnd != to.lowEnd) {
                complete = false;
                continue;
            }
            double gap = to.metersFromLowEnd - from.metersFromLowEnd;
            PointAccess.Link along = gap >= 0 ? from.towardHighEnd : from.towardLowEnd;
            if (along == null || along.meters() <= 0) {
                continue; // one-way against the direction of the target
            }
            double fraction = Math.abs(gap) / along.meters();
            double weight = along.weight() * fraction;
            if (weight < bestWeight[t]) {
                bestWeight[t] = weight;
                bestMillis[t] = Math.round(along.millis() * fraction);
                bestMeters[t] = Math.abs(gap);
            }
        }
        return complete;
    }

    static MatrixPoints of(RoadGraph road, SnapResult snapResult, int threads) {
        List<Snap> snaps = snapResult.graphSnaps();
        Map<String, Integer> slotOfKey = new LinkedHashMap<>();
        int[] slotOfPoint = new int[snaps.size()];
        List<Snap> snapOfSlot = new ArrayList<>();
        List<List<Integer>> pointsOfSlot = new ArrayList<>();
        for (int i = 0; i < snaps.size(); i++) {
            Snap s = snaps.get(i);
            String key = s.getSnappedPosition() == Snap.Position.TOWER
                    ? "n" + s.getClosestNode()
                    : "e" + s.getClosestEdge().getEdge() + ":" + s.getSnappedPoint().lat + "," + s.getSnappedPoint().lon;
            Integer slot = slotOfKey.get(key);
            if (slot == null) {
                slot = snapOfSlot.size();
                slotOfKey.put(key, slot);
                snapOfSlot.add(s);
                pointsOfSlot.add(new ArrayList<>(1));
            }
            slotOfPoint[i] = slot;
            pointsOfSlot.get(slot).add(i);
        }
        PointAccess[] access = new PointAccess[snapOfSlot.size()];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Parallel.run(Math.min(threads, Math.max(1, access.length / 64)), () -> {
            int s;
            while ((s = next.getAndIncrement()) < access.length) {
                access[s] = PointAccess.of(road.baseGraph(), road.weighting(), snapOfSlot.get(s));
            }
        });
        return new MatrixPoints(snaps.size(), slotOfPoint, snapOfSlot, pointsOfSlot, access);
    }

    int slots() {
        return access.length;
    }

    /** Writes one matrix cell; an infinite weight means no path. Times are rounded to whole seconds. */
    static void write(int[] seconds, float[] meters, int at, double weight, long millis, double m) {
        if (weight == Double.POSITIVE_INFINITY) {
            seconds[at] = CompactTravelTimeMatrix.UNREACHABLE_SECONDS;
            meters[at] = Float.POSITIVE_INFINITY;
        } else {
            seconds[at] = (int) Math.round(millis / 1000.0);
            meters[at] = (float) m;
        }
    }

    /** Writes the row block of slot {@code s}: all points of that slot to all points. */
    void writeRows(int s, double[] bestWeight, long[] bestMillis, double[] bestMeters, int[] seconds, float[] meters) {
        for (int from : pointsOfSlot.get(s)) {
            int row = from * points;
            for (int to = 0; to < points; to++) {
                int t = slotOfPoint[to];
                if (t == s) {
                    seconds[row + to] = 0;
                    meters[row + to] = 0;
                } else {
                    write(seconds, meters, row + to, bestWeight[t], bestMillis[t], bestMeters[t]);
                }
            }
        }
    }

    /**
     * Same-edge pairs whose edge position is unknown (loop edges and the like): GraphHopper's CH query on a query
     * graph with both points. Rare; every other same-edge pair is handled by {@link #applyDirectDrives}.
     */
    void routeIncompleteSameEdgePairs(RoadGraph road, List<Integer> sourceSlots, int[] seconds, float[] meters) {
        long start = System.nanoTime();
        int pairs = 0;
        for (int a : sourceSlots) {
            for (int b : sameEdge[a]) {
                routeWithGraphHopper(road, a, b, seconds, meters);
                pairs++;
            }
        }
        if (pairs > 0) {
            LOG.debug("{} same-edge pairs routed by GraphHopper in {} ms", pairs, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void routeWithGraphHopper(RoadGraph road, int a, int b, int[] seconds, float[] meters) {
        Snap from = Snaps.copy(snapOfSlot.get(a));
        Snap to = Snaps.copy(snapOfSlot.get(b));
        QueryGraph queryGraph = QueryGraph.create(road.baseGraph(), List.of(from, to));
        Path path = new CHRoutingAlgorithmFactory(new QueryRoutingCHGraph(road.chGraph(), queryGraph))
                .createAlgo(new PMap()).calcPath(from.getClosestNode(), to.getClosestNode());
        double weight = path.isFound() ? path.getWeight() : Double.POSITIVE_INFINITY;
        for (int i : pointsOfSlot.get(a)) {
            for (int j : pointsOfSlot.get(b)) {
                write(seconds, meters, i * points + j, weight, path.getTime(), path.getDistance());
            }
        }
    }

    /** Runs {@code search} from the given links (edge ends with partial costs). */
    static void run(UpwardSearch search, List<PointAccess.Link> links) {
        int k = links.size();
        int[] nodes = new int[k];
        double[] w = new double[k];
        long[] ms = new long[k];
        double[] m = new double[k];
        for (int i = 0; i < k; i++) {
            PointAccess.Link l = links.get(i);
            nodes[i] = l.node();
            w[i] = l.weight();
            ms[i] = l.millis();
            m[i] = l.meters();
        }
        search.run(nodes, w, ms, m);
    }
}
