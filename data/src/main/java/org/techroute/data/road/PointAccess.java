package org.techroute.data.road;

import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeIterator;

import java.util.ArrayList;
import java.util.List;

/**
 * How a snapped point connects to the road graph's real nodes: the point itself when it snapped onto a junction,
 * otherwise the two ends of its road edge with the cost of the partial edge from the point (leave) and to the
 * point (arrive), in the directions the road allows. The partial costs come from GraphHopper's own virtual edges
 * (a {@link QueryGraph} with this one point), so they are the numbers a {@code route()} uses.
 */
final class PointAccess {

    /** One way to leave or reach the point: via real node {@code node} with these partial costs. */
    record Link(int node, double weight, long millis, double meters) {
    }

    final List<Link> leave;
    final List<Link> arrive;
    /** the base edge the point lies on, or -1 when it snapped onto a junction. */
    final int edge;
    /**
     * For a point inside an edge with two distinct end nodes: the end with the smaller node id, the distance
     * along the edge from it, and the partial edge from the point towards the other end (null if one-way against
     * it) and back towards this end (null if one-way against it). Used for two points on the same edge.
     */
    final int lowEnd;
    final double metersFromLowEnd;
    final Link towardHighEnd;
    final Link towardLowEnd;

    private PointAccess(List<Link> leave, List<Link> arrive, int edge, int lowEnd, double metersFromLowEnd,
                        Link towardHighEnd, Link towardLowEnd) {
        this.leave = leave;
        this.arrive = arrive;
        this.edge = edge;
        this.lowEnd = lowEnd;
        this.metersFromLowEnd = metersFromLowEnd;
        this.towardHighEnd = towardHighEnd;
        this.towardLowEnd = towardLowEnd;
    }

    /** True when the position along the edge is known (two distinct end nodes), see {@link #lowEnd}. */
    boolean hasEdgePosition() {
        return lowEnd >= 0;
    }

    static PointAccess of(BaseGraph baseGraph, Weighting weighting, Snap snap) {
        Snap copy = Snaps.copy(snap);
        QueryGraph queryGraph = QueryGraph.create(baseGraph, copy);
        int node = copy.getClosestNode();
        if (node < baseGraph.getNodes()) {
            List<Link> here = List.of(new Link(node, 0, 0, 0));
            return new PointAccess(here, here, -1, -1, 0, null, null);
        }
        List<Link> leave = new ArrayList<>(2);
        List<Link> arrive = new ArrayList<>(2);
        int[] ends = new int[2];
        double[] metersToEnd = new double[2];
        Link[] toward = new Link[2];
        int count = 0;
        EdgeIterator it = queryGraph.createEdgeExplorer().setBaseNode(node);
        while (it.next()) {
            int end = it.getAdjNode();
            Link out = null;
            double outWeight = weighting.calcEdgeWeight(it, false);
            if (Double.isFinite(outWeight)) {
                out = new Link(end, outWeight, weighting.calcEdgeMillis(it, false), it.getDistance());
                leave.add(out);
            }
            double in = weighting.calcEdgeWeight(it, true);
            if (Double.isFinite(in)) {
                arrive.add(new Link(end, in, weighting.calcEdgeMillis(it, true), it.getDistance()));
            }
            if (count < 2) {
                ends[count] = end;
                metersToEnd[count] = it.getDistance();
                toward[count] = out;
            }
            count++;
        }
        int edge = snap.getClosestEdge().getEdge();
        if (count != 2 || ends[0] == ends[1]) {
            return new PointAccess(leave, arrive, edge, -1, 0, null, null);
        }
        int low = ends[0] < ends[1] ? 0 : 1;
        int high = 1 - low;
        return new PointAccess(leave, arrive, edge, ends[low], metersToEnd[low], toward[high], toward[low]);
    }
}
