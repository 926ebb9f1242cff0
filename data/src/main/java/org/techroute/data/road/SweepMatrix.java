package org.techroute.data.road;

import com.graphhopper.routing.Path;
import com.graphhopper.routing.ch.CHRoutingAlgorithmFactory;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.querygraph.QueryRoutingCHGraph;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.PMap;
import org.techroute.solver.travel.CompactTravelTimeMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Travel seconds and meters between all pairs of snapped points with one-to-all CH queries (PHAST): per source
 * an upward search from the ends of its road edge, then one sweep over all nodes from the highest level down
 * along the {@link DownwardGraph}, then each target reads the best of its edge ends plus the partial edge. This
 * is the minimum over the same up-down paths a CH {@code route()} considers. Two points on the same road edge are
 * routed with GraphHopper's own CH query on a query graph holding both (the only case where the point-to-point
 * query graph differs). Cost per source is linear in the graph size, independent of the number of targets: best
 * when there are many points on a small or mid-sized graph (see {@link ManyToManyMatrix}).
 */
final class SweepMatrix {

    private final RoadGraph road;
    private final int threads;

    SweepMatrix(RoadGraph road, int threads) {
        this.road = road;
        this.threads = threads;
    }

    /** Points grouped by identical snap (same junction, or same position on the same edge). */
    record Slots(int[] slotOfPoint, List<Snap> snapOfSlot, List<List<Integer>> pointsOfSlot) {

        static Slots of(List<Snap> snaps) {
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
            return new Slots(slotOfPoint, snapOfSlot, pointsOfSlot);
        }

        int size() {
            return snapOfSlot.size();
        }
    }

    static PointAccess[] access(RoadGraph road, Slots slots) {
        PointAccess[] access = new PointAccess[slots.size()];
        for (int s = 0; s < access.length; s++) {
            access[s] = PointAccess.of(road.baseGraph(), road.weighting(), slots.snapOfSlot().get(s));
        }
        return access;
    }

    CompactTravelTimeMatrix compute(SnapResult snapResult, Slots slots, PointAccess[] access) {
        RoutingCHGraph ch = road.chGraph();
        ChEdgeCosts costs = road.edgeCosts();
        DownwardGraph down = road.downwardGraph();
        if (down == null) {
            throw new IllegalStateException("the contraction hierarchy has no unique node levels; use buckets");
        }
        int[] levels = new int[ch.getNodes()];
        for (int v = 0; v < levels.length; v++) {
            levels[v] = ch.getLevel(v);
        }
        int n = snapResult.points().size();
        int slotCount = slots.size();
        int[] seconds = new int[n * n];
        float[] meters = new float[n * n];
        AtomicInteger nextSlot = new AtomicInteger();
        Parallel.run(threads, () -> {
            UpwardSearch search = new UpwardSearch(ch, null, costs, levels, false);
            double[] dist = new double[down.nodes];
            long[] distMillis = new long[down.nodes];
            double[] distMeters = new double[down.nodes];
            double[] bestWeight = new double[slotCount];
            long[] bestMillis = new long[slotCount];
            double[] bestMeters = new double[slotCount];
            int s;
            while ((s = nextSlot.getAndIncrement()) < slotCount) {
                runSearch(search, access[s].leave);
                Arrays.fill(dist, Double.POSITIVE_INFINITY);
                for (int k = 0; k < search.settledCount(); k++) {
                    int node = search.settledNode(k);
                    int p = down.positionOf[node];
                    dist[p] = search.weight(node);
                    distMillis[p] = search.millis(node);
                    distMeters[p] = search.meters(node);
                }
                sweep(down, dist, distMillis, distMeters);
                for (int t = 0; t < slotCount; t++) {
                    double best = Double.POSITIVE_INFINITY;
                    if (t == s) {
                        best = 0;
                        bestMillis[t] = 0;
                        bestMeters[t] = 0;
                    } else {
                        for (PointAccess.Link link : access[t].arrive) {
                            int p = down.positionOf[link.node()];
                            double candidate = dist[p] + link.weight();
                            if (candidate < best) {
                                best = candidate;
                                bestMillis[t] = distMillis[p] + link.millis();
                                bestMeters[t] = distMeters[p] + link.meters();
                            }
                        }
                    }
                    bestWeight[t] = best;
                }
                for (int from : slots.pointsOfSlot().get(s)) {
                    int row = from * n;
                    for (int to = 0; to < n; to++) {
                        int t = slots.slotOfPoint()[to];
                        write(seconds, meters, row + to, bestWeight[t], bestMillis[t], bestMeters[t]);
                    }
                }
            }
        });
        fixPointsOnTheSameEdge(slots, access, n, seconds, meters);
        return new CompactTravelTimeMatrix(n, seconds, meters);
    }

    private static void runSearch(UpwardSearch search, List<PointAccess.Link> links) {
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

    private static void sweep(DownwardGraph down, double[] dist, long[] distMillis, double[] distMeters) {
        int[] start = down.start;
        int[] from = down.fromPosition;
        double[] weight = down.weight;
        for (int p = 0; p < down.nodes; p++) {
            double d = dist[p];
            int bestEdge = -1;
            for (int e = start[p], end = start[p + 1]; e < end; e++) {
                double candidate = dist[from[e]] + weight[e];
                if (candidate < d) {
                    d = candidate;
                    bestEdge = e;
                }
            }
            if (bestEdge >= 0) {
                int q = from[bestEdge];
                dist[p] = d;
                distMillis[p] = distMillis[q] + down.millis[bestEdge];
                distMeters[p] = distMeters[q] + down.meters[bestEdge];
            }
        }
    }

    private static void write(int[] seconds, float[] meters, int at, double weight, long millis, double m) {
        if (weight == Double.POSITIVE_INFINITY) {
            seconds[at] = CompactTravelTimeMatrix.UNREACHABLE_SECONDS;
            meters[at] = Float.POSITIVE_INFINITY;
        } else {
            seconds[at] = (int) Math.round(millis / 1000.0);
            meters[at] = (float) m;
        }
    }

    /** Pairs of distinct points on the same road edge: GraphHopper's CH query on a query graph with both. */
    private void fixPointsOnTheSameEdge(Slots slots, PointAccess[] access, int n, int[] seconds, float[] meters) {
        Map<Integer, List<Integer>> slotsOfEdge = new HashMap<>();
        for (int s = 0; s < access.length; s++) {
            if (access[s].edge >= 0) {
                slotsOfEdge.computeIfAbsent(access[s].edge, e -> new ArrayList<>(2)).add(s);
            }
        }
        for (List<Integer> group : slotsOfEdge.values()) {
            for (int a : group) {
                for (int b : group) {
                    if (a == b) {
                        continue;
                    }
                    Snap from = Snaps.copy(slots.snapOfSlot().get(a));
                    Snap to = Snaps.copy(slots.snapOfSlot().get(b));
                    QueryGraph queryGraph = QueryGraph.create(road.baseGraph(), List.of(from, to));
                    Path path = new CHRoutingAlgorithmFactory(new QueryRoutingCHGraph(road.chGraph(), queryGraph))
                            .createAlgo(new PMap()).calcPath(from.getClosestNode(), to.getClosestNode());
                    double weight = path.isFound() ? path.getWeight() : Double.POSITIVE_INFINITY;
                    for (int i : slots.pointsOfSlot().get(a)) {
                        for (int j : slots.pointsOfSlot().get(b)) {
                            write(seconds, meters, i * n + j, weight, path.getTime(), path.getDistance());
                        }
                    }
                }
            }
        }
    }
}
