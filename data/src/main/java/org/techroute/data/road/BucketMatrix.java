package org.techroute.data.road;

import com.graphhopper.storage.RoutingCHGraph;
import org.techroute.solver.travel.CompactTravelTimeMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Travel seconds and meters between all pairs of points with the bucket many-to-many algorithm on the
 * contraction hierarchy: one backward upward search per target (started at the ends of its road edge) leaves
 * (target, weight, millis, meters) in a bucket at every node it settles; one forward upward search per source
 * scans the buckets of the nodes it settles, and the smallest forward + backward weight per target is the
 * shortest up-down path, the one a CH {@code route()} finds. Time and distance are added up along the CH
 * edges ({@link ChEdgeCosts}), so no path is unpacked. Cost grows with points^2 times the overlap of search
 * spaces: best for few points on a large graph.
 */
final class BucketMatrix {

    private final RoadGraph road;
    private final int threads;

    BucketMatrix(RoadGraph road, int threads) {
        this.road = road;
        this.threads = threads;
    }

    /** Bucket entries grouped by graph node (compressed rows): entries of node v are start[v]..start[v+1]-1. */
    private static final class Buckets {
        int[] start;
        int[] slot;
        double[] weight;
        long[] millis;
        double[] meters;
    }

    /** Growable list of bucket entries found by one thread. */
    private static final class EntryList {
        int size;
        int[] node = new int[1024];
        int[] slot = new int[1024];
        double[] weight = new double[1024];
        long[] millis = new long[1024];
        double[] meters = new double[1024];

        void add(int v, int s, double w, long ms, double m) {
            if (size == node.length) {
                int cap = size * 2;
                node = Arrays.copyOf(node, cap);
                slot = Arrays.copyOf(slot, cap);
                weight = Arrays.copyOf(weight, cap);
                millis = Arrays.copyOf(millis, cap);
                meters = Arrays.copyOf(meters, cap);
            }
            node[size] = v;
            slot[size] = s;
            weight[size] = w;
            millis[size] = ms;
            meters[size] = m;
            size++;
        }
    }

    CompactTravelTimeMatrix compute(MatrixPoints points) {
        RoutingCHGraph ch = road.chGraph();
        ChEdgeCosts costs = road.edgeCosts();
        int[] levels = road.levels();
        int n = points.points;
        int slots = points.slots();
        Buckets buckets = backwardPhase(ch, costs, levels, points);

        int[] seconds = new int[n * n];
        float[] meters = new float[n * n];
        AtomicInteger nextSlot = new AtomicInteger();
        List<Integer> incomplete = Collections.synchronizedList(new ArrayList<>());
        Parallel.run(threads, () -> {
            UpwardSearch search = new UpwardSearch(ch, costs, levels, false);
            double[] bestWeight = new double[slots];
            int[] bestEntry = new int[slots];
            int[] bestNode = new int[slots];
            long[] bestMillis = new long[slots];
            double[] bestMeters = new double[slots];
            int[] bucketStart = buckets.start;
            int[] bucketSlot = buckets.slot;
            double[] bucketWeight = buckets.weight;
            int s;
            while ((s = nextSlot.getAndIncrement()) < slots) {
                Arrays.fill(bestWeight, Double.POSITIVE_INFINITY);
                MatrixPoints.run(search, points.access[s].leave);
                for (int k = 0; k < search.settledCount(); k++) {
                    int node = search.settledNode(k);
                    double w = search.weight(node);
                    for (int b = bucketStart[node], end = bucketStart[node + 1]; b < end; b++) {
                        int t = bucketSlot[b];
                        double candidate = w + bucketWeight[b];
                        if (candidate < bestWeight[t]) {
                            bestWeight[t] = candidate;
                            bestEntry[t] = b;
                            bestNode[t] = node;
                        }
                    }
                }
                for (int t = 0; t < slots; t++) {
                    if (bestWeight[t] != Double.POSITIVE_INFINITY) {
                        bestMillis[t] = search.millis(bestNode[t]) + buckets.millis[bestEntry[t]];
                        bestMeters[t] = search.meters(bestNode[t]) + buckets.meters[bestEntry[t]];
                    }
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

    private Buckets backwardPhase(RoutingCHGraph ch, ChEdgeCosts costs, int[] levels, MatrixPoints points) {
        int graphNodes = ch.getNodes();
        List<EntryList> lists = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger nextSlot = new AtomicInteger();
        Parallel.run(threads, () -> {
            UpwardSearch search = new UpwardSearch(ch, costs, levels, true);
            EntryList list = new EntryList();
            int s;
            while ((s = nextSlot.getAndIncrement()) < points.slots()) {
                MatrixPoints.run(search, points.access[s].arrive);
                for (int k = 0; k < search.settledCount(); k++) {
                    int node = search.settledNode(k);
                    list.add(node, s, search.weight(node), search.millis(node), search.meters(node));
                }
            }
            lists.add(list);
        });
        Buckets b = new Buckets();
        b.start = new int[graphNodes + 1];
        int total = 0;
        for (EntryList l : lists) {
            total += l.size;
            for (int i = 0; i < l.size; i++) {
                b.start[l.node[i] + 1]++;
            }
        }
        for (int v = 0; v < graphNodes; v++) {
            b.start[v + 1] += b.start[v];
        }
        int[] fill = Arrays.copyOf(b.start, graphNodes);
        b.slot = new int[total];
        b.weight = new double[total];
        b.millis = new long[total];
        b.meters = new double[total];
        for (EntryList l : lists) {
            for (int i = 0; i < l.size; i++) {
                int at = fill[l.node[i]]++;
                b.slot[at] = l.slot[i];
                b.weight[at] = l.weight[i];
                b.millis[at] = l.millis[i];
                b.meters[at] = l.meters[i];
            }
        }
        return b;
    }
}
