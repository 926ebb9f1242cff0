package org.techroute.data.road;

import com.graphhopper.storage.RoutingCHEdgeExplorer;
import com.graphhopper.storage.RoutingCHEdgeIterator;
import com.graphhopper.storage.RoutingCHGraph;

import java.util.Arrays;

/**
 * One direction of a CH query: a Dijkstra search from one node that only climbs the hierarchy (edges towards
 * higher-level nodes), possibly from several start nodes with initial costs (the ends of a point's road edge).
 * Besides the weight it adds up travel millis and meters along the CH edges (see {@link ChEdgeCosts}).
 * Forward searches follow edges in driving direction; backward searches follow them against it, so the weight
 * of a settled node is the weight from that node to the start. Reusable, one instance per thread.
 */
final class UpwardSearch {

    /**
     * Shortcut weights are stored rounded to 0.001, so a path can look shorter than the one the hierarchy
     * represents by a rounding error; like GraphHopper's own CH query, stall only on a clear margin.
     */
    private static final double STALL_PRECISION = 0.001;

    private final ChEdgeCosts costs;
    private final int[] levels;
    private final boolean backward;
    private final RoutingCHEdgeExplorer explorer;
    private final RoutingCHEdgeExplorer stallExplorer;

    private final double[] weight;
    private final long[] millis;
    private final double[] meters;
    private final int[] visitedStamp;
    private int stamp;
    private final MinHeap heap = new MinHeap();

    private int settledCount;
    private int[] settledNodes = new int[256];

    /**
     * @param graph    the CH graph of the base road graph (no virtual nodes)
     * @param costs    time and distance of its edges
     * @param levels   CH level of each node
     * @param backward true to search against the driving direction
     */
    UpwardSearch(RoutingCHGraph graph, ChEdgeCosts costs, int[] levels, boolean backward) {
        this.costs = costs;
        this.levels = levels;
        this.backward = backward;
        this.explorer = backward ? graph.createInEdgeExplorer() : graph.createOutEdgeExplorer();
        this.stallExplorer = backward ? graph.createOutEdgeExplorer() : graph.createInEdgeExplorer();
        int nodes = graph.getNodes();
        this.weight = new double[nodes];
        this.millis = new long[nodes];
        this.meters = new double[nodes];
        this.visitedStamp = new int[nodes];
    }

    /** Runs the search from one node to exhaustion; afterwards read {@link #settledCount()} and the per-node values. */
    void run(int start) {
        run(new int[]{start}, new double[]{0}, new long[]{0}, new double[]{0});
    }

    /**
     * Runs the search from several start nodes at once, each with an initial weight, time and distance (e.g. both
     * ends of the road edge a point lies on, with the partial edge costs).
     */
    void run(int[] starts, double[] startWeights, long[] startMillis, double[] startMeters) {
        stamp++;
        if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(visitedStamp, 0);
            stamp = 1;
        }
        settledCount = 0;
        heap.clear();
        for (int i = 0; i < starts.length; i++) {
            int start = starts[i];
            if (visitedStamp[start] != stamp || startWeights[i] < weight[start]) {
                visit(start, startWeights[i], startMillis[i], startMeters[i]);
                heap.push(startWeights[i], start);
            }
        }
        while (!heap.isEmpty()) {
            double key = heap.peekKey();
            int node = heap.poll();
            if (key > weight[node]) {
                continue; // stale entry
            }
            if (isStalled(node)) {
                continue;
            }
            settle(node);
            relax(node);
        }
    }

    /**
     * Stall-on-demand: when a node already reached by this search leads to {@code node} with a smaller weight
     * (over an edge this upward search may not use), the weight found for {@code node} is not its shortest, so
     * {@code node} cannot be the meeting point of a shortest path: it is neither reported nor expanded.
     * Same rule as GraphHopper's {@code DijkstraBidirectionCH}.
     */
    private boolean isStalled(int node) {
        double nodeWeight = weight[node];
        RoutingCHEdgeIterator it = stallExplorer.setBaseNode(node);
        while (it.next()) {
            int other = it.getAdjNode();
            if (visitedStamp[other] != stamp) {
                continue;
            }
            // forward: edge other -> node, so the in-edge weight against storage direction; backward: node -> other
            double w = it.getWeight(!backward);
            if (weight[other] + w < nodeWeight - STALL_PRECISION) {
                return true;
            }
        }
        return false;
    }

    private void settle(int node) {
        if (settledCount == settledNodes.length) {
            settledNodes = Arrays.copyOf(settledNodes, settledCount * 2);
        }
        settledNodes[settledCount++] = node;
    }

    private void relax(int node) {
        double nodeWeight = weight[node];
        RoutingCHEdgeIterator it = explorer.setBaseNode(node);
        while (it.next()) {
            int adj = it.getAdjNode();
            if (levels[node] > levels[adj]) {
                continue;
            }
            double edgeWeight = it.getWeight(backward);
            if (!Double.isFinite(edgeWeight)) {
                continue;
            }
            double w = nodeWeight + edgeWeight;
            if (visitedStamp[adj] == stamp && w >= weight[adj]) {
                continue;
            }
            // driving direction: forward node -> adj, backward adj -> node; costs depend on where it starts
            int from = backward ? adj : node;
            long edgeMillis;
            double edgeMeters;
            int chEdge = it.getEdge();
            if (it.isShortcut()) {
                edgeMillis = costs.shortcutMillis(chEdge, from);
                edgeMeters = costs.shortcutMeters(chEdge);
            } else {
                int edge = it.getOrigEdge();
                edgeMillis = costs.baseMillis(edge, from);
                edgeMeters = costs.baseMeters(edge);
            }
            visit(adj, w, millis[node] + edgeMillis, meters[node] + edgeMeters);
            heap.push(w, adj);
        }
    }

    private void visit(int node, double w, long ms, double m) {
        visitedStamp[node] = stamp;
        weight[node] = w;
        millis[node] = ms;
        meters[node] = m;
    }

    int settledCount() {
        return settledCount;
    }

    int settledNode(int i) {
        return settledNodes[i];
    }

    double weight(int node) {
        return weight[node];
    }

    long millis(int node) {
        return millis[node];
    }

    double meters(int node) {
        return meters[node];
    }
}
