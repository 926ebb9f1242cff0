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

    private PointAccess(List<Link> leave, List<Link> arrive, int edge) {
        this.leave = leave;
        this.arrive = arrive;
        this.edge = edge;
    }

    static PointAccess of(BaseGraph baseGraph, Weighting weighting, Snap snap) {
        Snap copy = Snaps.copy(snap);
        QueryGraph queryGraph = QueryGraph.create(baseGraph, copy);
        int node = copy.getClosestNode();
        if (node < baseGraph.getNodes()) {
            List<Link> here = List.of(new Link(node, 0, 0, 0));
            return new PointAccess(here, here, -1);
        }
        List<Link> leave = new ArrayList<>(2);
        List<Link> arrive = new ArrayList<>(2);
        EdgeIterator it = queryGraph.createEdgeExplorer().setBaseNode(node);
        while (it.next()) {
            int end = it.getAdjNode();
            double out = weighting.calcEdgeWeight(it, false);
            if (Double.isFinite(out)) {
                leave.add(new Link(end, out, weighting.calcEdgeMillis(it, false), it.getDistance()));
            }
            double in = weighting.calcEdgeWeight(it, true);
            if (Double.isFinite(in)) {
                arrive.add(new Link(end, in, weighting.calcEdgeMillis(it, true), it.getDistance()));
            }
        }
        return new PointAccess(leave, arrive, snap.getClosestEdge().getEdge());
    }
}
