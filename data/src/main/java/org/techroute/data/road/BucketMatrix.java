package org.techroute.data.road;

import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.querygraph.QueryRoutingCHGraph;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.storage.index.Snap;
import org.techroute.solver.travel.CompactTravelTimeMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Travel seconds and meters between all pairs of snapped points, with the bucket many-to-many algorithm on the
 * contraction hierarchy: one backward upward search per target leaves (target, weight, millis, meters) in a
 * bucket at every node it settles; one forward upward search per source scans the buckets of the nodes it
 * settles, and the smallest forward + backward weight per target is the shortest path, exactly the path a
 * GraphHopper CH {@code route()} finds. Time and distance are added up along the CH edges
 * ({@link ChEdgeCosts}), so no path is unpacked.
 * <p>
 * Travel times are GraphHopper's millis rounded to whole seconds. Both phases run in parallel over points.
 * Cost grows with points^2 times the search space overlap: best for large graphs (see {@link ManyToManyMatrix}).
 */
final class BucketMatrix {

    private final RoadGraph road;
    private final int threads;

    BucketMatrix(RoadGraph road, int threads) {
        this.road = road;
        this.threads = threads;
    }

    CompactTravelTimeMatrix compute(SnapResult snapResult) {
        snapResult.requireAllSnapped();
        BaseGraph baseGraph = road.baseGraph();
        RoutingCHGraph ch = road.chGraph();
        ChEdgeCosts costs = road.edgeCosts();
        List<Snap> snaps = snapResult.graphSnaps().stream().map(Snaps::copy).toList();
        QueryGraph queryGraph = QueryGraph.create(baseGraph, snaps);
        RoutingCHGraph queryCh = new QueryRoutingCHGraph(ch, queryGraph);

        int n = snaps.size();
        // points on the same graph node share their searches
        Map<Integer, Integer> slotOfNode = new LinkedHashMap<>();
        int[] slotOfPoint = new int[n];
        for (int i = 0; i < n; i++) {
            int node = snaps.get(i).getClosestNode();
            slotOfPoint[i] = slotOfNode.computeIfAbsent(node, k -> slotOfNode.size());
        }
        int[] nodeOfSlot = slotOfNode.keySet().stream().mapToInt(Integer::intValue).toArray();
        int slots = nodeOfSlot.length;

        int[] levels = new int[ch.getNodes()];
        for (int v = 0; v < levels.length; v++) {
            levels[v] = ch.getLevel(v);
        }
        Buckets buckets = backwardPhase(queryCh, queryGraph, costs, levels, nodeOfSlot);

        int[] seconds = new int[n * n];
        float[] meters = new float[n * n];
        List<List<Integer>> pointsOfSlot = new ArrayList<>(slots);
        for (int s = 0; s < slots; s++) {
            pointsOfSlot.add(new ArrayList<>(1));
        }
        for (int i = 0; i < n; i++) {
            pointsOfSlot.get(slotOfPoint[i]).add(i);
        }
        AtomicInteger nextSlot = new AtomicInteger();
        Parallel.run(threads, () -> {
            UpwardSearch search = new UpwardSearch(queryCh, queryGraph, costs, levels, false);
            double[] bestWeight = new double[slots];
            int[] bestEntry = new int[slots];
            int[] bestNode = new int[slots];
            int[] bucketStart = buckets.start;
            int[] bucketSlot = buckets.slot;
            double[] bucketWeight = buckets.weight;
            int s;
            while ((s = nextSlot.getAndIncrement()) < slots) {
                Arrays.fill(bestWeight, Double.POSITIVE_INFINITY);
                search.run(nodeOfSlot[s]);
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
                for (int from : pointsOfSlot.get(s)) {
                    int row = from * n;
                    for (int to = 0; to < n; to++) {
                        int t = slotOfPoint[to];
                        if (t == s) {
                            seconds[row + to] = 0;
                            meters[row + to] = 0;
                        } else if (bestWeight[t] == Double.POSITIVE_INFINITY) {
                            seconds[row + to] = CompactTravelTimeMatrix.UNREACHABLE_SECONDS;
                            meters[row + to] = Float.POSITIVE_INFINITY;
                        } else {
                            long ms = search.millis(bestNode[t]) + buckets.millis[bestEntry[t]];
                            double m = search.meters(bestNode[t]) + buckets.meters[bestEntry[t]];
                            seconds[row + to] = (int) Math.round(ms / 1000.0);
                            meters[row + to] = (float) m;
                        }
                    }
                }
            }
        });
        return new CompactTravelTimeMatrix(n, seconds, meters);
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

    private Buckets backwardPhase(RoutingCHGraph queryCh, QueryGraph queryGraph, ChEdgeCosts costs, int[] levels,
                                  int[] nodeOfSlot) {
        int graphNodes = queryCh.getNodes();
        List<EntryList> lists = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger nextSlot = new AtomicInteger();
        Parallel.run(threads, () -> {
            UpwardSearch search = new UpwardSearch(queryCh, queryGraph, costs, levels, true);
            EntryList list = new EntryList();
            int s;
            while ((s = nextSlot.getAndIncrement()) < nodeOfSlot.length) {
                search.run(nodeOfSlot[s]);
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
