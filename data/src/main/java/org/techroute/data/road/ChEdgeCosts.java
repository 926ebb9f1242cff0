package org.techroute.data.road;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.RoutingCHEdgeIteratorState;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.util.EdgeIteratorState;

import java.util.Arrays;

/**
 * Travel time and distance of every edge of a contraction hierarchy, in both directions.
 * <p>
 * GraphHopper's CH storage keeps only a weight per shortcut. Here, once per loaded graph, each shortcut gets the
 * exact sum of {@code calcEdgeMillis} and {@code getDistance} over the original edges it stands for (the same
 * numbers GraphHopper's {@code Path} sums when it unpacks a route), so a many-to-many search can add up time and
 * distance along CH edges without unpacking any path. Shortcuts only skip lower-id edges, so one pass in id
 * order computes everything; a memoized recursion covers any other order.
 */
final class ChEdgeCosts {

    private static final long UNKNOWN = -1;

    private final RoutingCHGraph ch;
    private final int baseEdges;
    private final int[] baseNodeA;
    private final long[] baseMillisForward;
    private final long[] baseMillisBackward;
    private final double[] baseMeters;
    private final int[] shortcutNodeA;
    /** index {@code 2*s} for travel nodeA to nodeB, {@code 2*s+1} for the reverse. */
    private final long[] shortcutMillis;
    private final double[] shortcutMeters;

    private ChEdgeCosts(RoutingCHGraph ch, int baseEdges, int shortcuts) {
        this.ch = ch;
        this.baseEdges = baseEdges;
        this.baseNodeA = new int[baseEdges];
        this.baseMillisForward = new long[baseEdges];
        this.baseMillisBackward = new long[baseEdges];
        this.baseMeters = new double[baseEdges];
        this.shortcutNodeA = new int[shortcuts];
        this.shortcutMillis = new long[2 * shortcuts];
        this.shortcutMeters = new double[shortcuts];
    }

    static ChEdgeCosts compute(BaseGraph baseGraph, RoutingCHGraph ch) {
        Weighting weighting = ch.getWeighting();
        int edges = baseGraph.getEdges();
        int shortcuts = ch.getShortcuts();
        ChEdgeCosts c = new ChEdgeCosts(ch, edges, shortcuts);
        for (int e = 0; e < edges; e++) {
            EdgeIteratorState state = baseGraph.getEdgeIteratorState(e, Integer.MIN_VALUE);
            c.baseNodeA[e] = state.getBaseNode();
            c.baseMillisForward[e] = weighting.calcEdgeMillis(state, false);
            c.baseMillisBackward[e] = weighting.calcEdgeMillis(state, true);
            c.baseMeters[e] = state.getDistance();
        }
        Arrays.fill(c.shortcutMillis, UNKNOWN);
        for (int s = 0; s < shortcuts; s++) {
            c.shortcutNodeA[s] = ch.getEdgeIteratorState(edges + s, Integer.MIN_VALUE).getBaseNode();
        }
        for (int s = 0; s < shortcuts; s++) {
            c.computeShortcut(s, 0);
            c.computeShortcut(s, 1);
        }
        return c;
    }

    /** Number of original graph edges; CH edge ids at or above it are shortcuts. */
    int baseEdges() {
        return baseEdges;
    }

    /** Time to travel base edge {@code edge} starting at node {@code from}. */
    long baseMillis(int edge, int from) {
        return baseNodeA[edge] == from ? baseMillisForward[edge] : baseMillisBackward[edge];
    }

    double baseMeters(int edge) {
        return baseMeters[edge];
    }

    /** Time to travel shortcut {@code chEdge} starting at node {@code from}. */
    long shortcutMillis(int chEdge, int from) {
        int s = chEdge - baseEdges;
        return shortcutMillis[2 * s + (shortcutNodeA[s] == from ? 0 : 1)];
    }

    double shortcutMeters(int chEdge) {
        return shortcutMeters[chEdge - baseEdges];
    }

    private void computeShortcut(int s, int direction) {
        if (shortcutMillis[2 * s + direction] != UNKNOWN) {
            return;
        }
        int chEdge = baseEdges + s;
        RoutingCHEdgeIteratorState stored = ch.getEdgeIteratorState(chEdge, Integer.MIN_VALUE);
        int from = direction == 0 ? stored.getBaseNode() : stored.getAdjNode();
        int to = direction == 0 ? stored.getAdjNode() : stored.getBaseNode();
        int skip1 = stored.getSkippedEdge1();
        int skip2 = stored.getSkippedEdge2();
        // same resolution as GraphHopper's ShortcutUnpacker (node-based): find which skipped edge touches 'to'
        RoutingCHEdgeIteratorState second = ch.getEdgeIteratorState(skip2, to);
        RoutingCHEdgeIteratorState first;
        if (second == null) {
            second = ch.getEdgeIteratorState(skip1, to);
            first = ch.getEdgeIteratorState(skip2, second.getBaseNode());
        } else {
            first = ch.getEdgeIteratorState(skip1, second.getBaseNode());
        }
        int middle = second.getBaseNode();
        if (first.getBaseNode() != from) {
            throw new IllegalStateException("shortcut " + chEdge + " from " + from + " to " + to
                    + " does not start with skipped edge " + first.getEdge());
        }
        long millis = saturatedSum(edgeMillis(first.getEdge(), from), edgeMillis(second.getEdge(), middle));
        shortcutMillis[2 * s + direction] = millis;
        shortcutMeters[s] = edgeMeters(first.getEdge()) + edgeMeters(second.getEdge());
    }

    /** Impassable directions have {@code Long.MAX_VALUE} millis; keep them there instead of overflowing. */
    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return (sum < a || sum < b) ? Long.MAX_VALUE : sum;
    }

    private long edgeMillis(int chEdge, int from) {
        if (chEdge < baseEdges) {
            return baseMillis(chEdge, from);
        }
        int s = chEdge - baseEdges;
        int direction = shortcutNodeA[s] == from ? 0 : 1;
        computeShortcut(s, direction);
        return shortcutMillis[2 * s + direction];
    }

    private double edgeMeters(int chEdge) {
        if (chEdge < baseEdges) {
            return baseMeters[chEdge];
        }
        int s = chEdge - baseEdges;
        if (shortcutMillis[2 * s] == UNKNOWN && shortcutMillis[2 * s + 1] == UNKNOWN) {
            computeShortcut(s, 0);
        }
        return shortcutMeters[s];
    }
}
