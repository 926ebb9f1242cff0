package org.techroute.data.road;

import com.graphhopper.storage.RoutingCHEdgeExplorer;
import com.graphhopper.storage.RoutingCHEdgeIterator;
import com.graphhopper.storage.RoutingCHGraph;

/**
 * The downward edges of a contraction hierarchy in sweep order, for one-to-all CH queries (PHAST): nodes are
 * numbered by position = highest level first, and each position lists the edges coming into it from
 * higher-level nodes (which all have smaller positions), with weight, millis and meters. One pass over the
 * positions then relaxes every downward edge after its tail is final.
 * <p>
 * Requires unique CH levels (GraphHopper contracts every node); {@link #build} returns {@code null} otherwise.
 */
final class DownwardGraph {

    final int nodes;
    /** position -> node id and node id -> position. */
    final int[] nodeAt;
    final int[] positionOf;
    /** incoming downward edges of position p: {@code start[p] .. start[p+1]-1}. */
    final int[] start;
    final int[] fromPosition;
    final double[] weight;
    final long[] millis;
    final double[] meters;

    private DownwardGraph(int nodes, int[] nodeAt, int[] positionOf, int[] start, int[] fromPosition, double[] weight,
                          long[] millis, double[] meters) {
        this.nodes = nodes;
        this.nodeAt = nodeAt;
        this.positionOf = positionOf;
        this.start = start;
        this.fromPosition = fromPosition;
        this.weight = weight;
        this.millis = millis;
        this.meters = meters;
    }

    int edges() {
        return fromPosition.length;
    }

    static DownwardGraph build(RoutingCHGraph ch, ChEdgeCosts costs) {
        int n = ch.getNodes();
        int[] nodeAt = new int[n];
        int[] positionOf = new int[n];
        boolean[] taken = new boolean[n];
        for (int v = 0; v < n; v++) {
            int level = ch.getLevel(v);
            if (level < 0 || level >= n || taken[level]) {
                return null; // partially contracted graph: levels are not a permutation
            }
            taken[level] = true;
            int position = n - 1 - level;
            nodeAt[position] = v;
            positionOf[v] = position;
        }
        RoutingCHEdgeExplorer in = ch.createInEdgeExplorer();
        int[] start = new int[n + 1];
        int count = 0;
        for (int p = 0; p < n; p++) {
            int v = nodeAt[p];
            RoutingCHEdgeIterator it = in.setBaseNode(v);
            while (it.next()) {
                if (isDownwardInto(ch, it, v)) {
                    count++;
                }
            }
            start[p + 1] = count;
        }
        int[] from = new int[count];
        double[] weight = new double[count];
        long[] millis = new long[count];
        double[] meters = new double[count];
        int e = 0;
        for (int p = 0; p < n; p++) {
            int v = nodeAt[p];
            RoutingCHEdgeIterator it = in.setBaseNode(v);
            while (it.next()) {
                if (!isDownwardInto(ch, it, v)) {
                    continue;
                }
                int u = it.getAdjNode();
                from[e] = positionOf[u];
                weight[e] = it.getWeight(true);
                if (it.isShortcut()) {
                    millis[e] = costs.shortcutMillis(it.getEdge(), u);
                    meters[e] = costs.shortcutMeters(it.getEdge());
                } else {
                    millis[e] = costs.baseMillis(it.getOrigEdge(), u);
                    meters[e] = costs.baseMeters(it.getOrigEdge());
                }
                e++;
            }
        }
        return new DownwardGraph(n, nodeAt, positionOf, start, from, weight, millis, meters);
    }

    /** An edge u -> v (iterated at v with the in-explorer) from a higher-level node, passable in that direction. */
    private static boolean isDownwardInto(RoutingCHGraph ch, RoutingCHEdgeIterator it, int v) {
        int u = it.getAdjNode();
        return u != v && ch.getLevel(u) > ch.getLevel(v) && Double.isFinite(it.getWeight(true));
    }
}
