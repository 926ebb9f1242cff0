package org.techroute.data.road;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.ResponsePath;

/** GraphHopper's own point-to-point route, the reference the matrix must match. */
final class RouteComparison {

    record Route(long millis, double meters) {
    }

    private RouteComparison() {
    }

    static Route route(RoadGraph graph, LatLon from, LatLon to) {
        GHResponse response = graph.graphHopper().route(new GHRequest(from.lat(), from.lon(), to.lat(), to.lon())
                .setProfile(graph.config().profileName()));
        if (response.hasErrors()) {
            throw new AssertionError("route " + from + " -> " + to + " failed: " + response.getErrors());
        }
        ResponsePath best = response.getBest();
        return new Route(best.getTime(), best.getDistance());
    }
}
