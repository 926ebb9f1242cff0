package org.techroute.data.road;

import com.graphhopper.routing.Path;
import com.graphhopper.routing.ch.CHRoutingAlgorithmFactory;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.querygraph.QueryRoutingCHGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.PMap;
import com.graphhopper.util.PointList;

import java.util.ArrayList;
import java.util.List;

/**
 * Road polylines of a route: for consecutive points, the same CH shortest path the matrix measured
 * (same snapping, same algorithm), unpacked to its geometry.
 */
final class RouteGeometry {

    private final RoadGraph graph;

    RouteGeometry(RoadGraph graph) {
        this.graph = graph;
    }

    List<LegGeometry> legs(List<LatLon> orderedPoints) {
        SnapResult snaps = graph.snapAll(orderedPoints);
        snaps.requireAllSnapped();
        List<LegGeometry> legs = new ArrayList<>(Math.max(0, orderedPoints.size() - 1));
        for (int i = 0; i + 1 < orderedPoints.size(); i++) {
            legs.add(leg(i, snaps.graphSnaps().get(i), snaps.graphSnaps().get(i + 1)));
        }
        return legs;
    }

    private LegGeometry leg(int index, Snap fromSnap, Snap toSnap) {
        Snap from = Snaps.copy(fromSnap);
        Snap to = Snaps.copy(toSnap);
        QueryGraph queryGraph = QueryGraph.create(graph.baseGraph(), List.of(from, to));
        QueryRoutingCHGraph ch = new QueryRoutingCHGraph(graph.chGraph(), queryGraph);
        Path path = new CHRoutingAlgorithmFactory(ch).createAlgo(new PMap())
                .calcPath(from.getClosestNode(), to.getClosestNode());
        if (!path.isFound()) {
            return new LegGeometry(index, index + 1, false, 0, 0, 0, "", List.of());
        }
        PointList pl = path.calcPoints();
        List<LatLon> points = new ArrayList<>(pl.size());
        for (int k = 0; k < pl.size(); k++) {
            points.add(new LatLon(pl.getLat(k), pl.getLon(k)));
        }
        long millis = path.getTime();
        return new LegGeometry(index, index + 1, true, Math.round(millis / 1000.0), millis, path.getDistance(),
                PolylineCodec.encode(points), points);
    }
}
