package org.techroute.data.road;

import com.graphhopper.storage.RoutingCHGraph;
import org.techroute.solver.travel.CompactTravelTimeMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Travel seconds and meters between all pairs of points with one-to-all CH queries (PHAST): per source an upward
 * search from the ends of its road edge, then one sweep over all nodes from the highest level down along the
 * {@link DownwardGraph}, then each target reads the best of its edge ends plus the partial edge. This is the
 * minimum over the same up-down paths a CH {@code route()} considers. Cost per source is linear in the graph
 * size and independent of the number of targets: best for many points on a small or mid-sized graph.
 */
final class SweepMatrix {

    private final RoadGraph road;
    private final int threads;

    SweepMatrix(RoadGraph road, int threads) {
        this.road = road;
        this.threads = threads;
    }

    CompactTravelTimeMatrix compute(MatrixPoints points) {
        RoutingCHGraph ch = road.chGraph();
        ChEdgeCosts costs = road.edgeCosts();
        DownwardGraph down = road.downwardGraph();
        if (down == null) {
            throw new IllegalStateException("the contraction hierarchy has no unique node levels; use buckets");
        }
        int[] levels = road.levels();
        int n = points.points;
        int slots = points.slots();
        int[] seconds = new int[n * n];
        float[] meters = new float[n * n];
        AtomicInteger nextSlot = new AtomicInteger();
        List<Integer> incomplete = Collections.synchronizedList(new ArrayList<>());
        Parallel.run(threads, () -> {
            UpwardSearch search = new UpwardSearch(ch, costs, levels, false);
            double[] dist = new double[down.nodes];
            long[] distMillis = new long[down.nodes];
            double[] distMeters = new double[down.nodes];
            double[] bestWeight = new double[slots];
            long[] bestMillis = new long[slots];
            double[] bestMeters = new double[slots];
            int s;
            while ((s = nextSlot.getAndIncrement()) < slots) {
                MatrixPoints.run(search, points.access[s].leave);
                Arrays.fill(dist, Double.POSITIVE_INFINITY);
                for (int k = 0; k < search.settledCount(); k++) {
                    int node = search.settledNode(k);
                    int p = down.positionOf[node];
                    dist[p] = search.weight(node);
                    distMillis[p] = search.millis(node);
                    distMeters[p] = search.meters(node);
                }
                sweep(down, dist, distMillis, distMeters);
                for (int t = 0; t < slots; t++) {
                    double best = Double.POSITIVE_INFINITY;
                    for (PointAccess.Link link : points.access[t].arrive) {
                        int p = down.positionOf[link.node()];
                        double candidate = dist[p] + link.weight();
                        if (candidate < best) {
                            best = candidate;
                            bestMillis[t] = distMillis[p] + link.millis();
                            bestMeters[t] = distMeters[p] + link.meters();
                        }
                    }
                    bestWeight[t] = best;
                }
                if (!points.applyDirectDrives(s, bestWeight, bestMillis, bestMeters)) {
                    incomplete.add(s);
                }
                points.writeRows(s, bestWeight, bestMillis, bestMeters, seconds, meters);
            }
        });
        points.routeIncompleteSameEdgePairs(road, incomplete, seconds, meters);
        return new CompactTravelTimeMatrix(n, seconds, meters);
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
}
