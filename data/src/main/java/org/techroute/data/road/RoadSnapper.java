package org.techroute.data.road;

import com.graphhopper.GraphHopper;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.shapes.GHPoint3D;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Snaps locations to the nearest road a car may use on the main network (the profile's snap filter, which
 * excludes road pieces marked as cut off by GraphHopper's subnetwork removal).
 * <p>
 * Decision per location: snapped within the maximum distance: ok. Otherwise, outside the graph's bounds:
 * {@link RoadProblem#OUTSIDE_MAP}; a car road that is cut off from the main network lies within the maximum
 * distance: {@link RoadProblem#DISCONNECTED}; else {@link RoadProblem#TOO_FAR}.
 */
final class RoadSnapper {

    private final LocationIndex index;
    private final EdgeFilter mainNetworkFilter;
    private final EdgeFilter anyCarRoadFilter;
    private final GeoBounds bounds;
    private final double maxSnapMeters;

    RoadSnapper(GraphHopper hopper, RoadGraphConfig config) {
        Weighting weighting = hopper.getCHGraphs().get(config.profileName()).getWeighting();
        BooleanEncodedValue inSubnetwork = hopper.getEncodingManager()
                .getBooleanEncodedValue(Subnetwork.key(config.profileName()));
        this.index = hopper.getLocationIndex();
        this.mainNetworkFilter = new DefaultSnapFilter(weighting, inSubnetwork);
        this.anyCarRoadFilter = edge -> Double.isFinite(weighting.calcEdgeWeight(edge, false))
                || Double.isFinite(weighting.calcEdgeWeight(edge, true));
        var b = hopper.getBaseGraph().getBounds();
        this.bounds = new GeoBounds(b.minLat, b.minLon, b.maxLat, b.maxLon);
        this.maxSnapMeters = config.maxSnapMeters();
    }

    SnapResult snapAll(List<LatLon> locations) {
        List<PointSnap> points = new ArrayList<>(locations.size());
        List<Snap> snaps = new ArrayList<>(locations.size());
        for (int i = 0; i < locations.size(); i++) {
            LatLon q = locations.get(i);
            Snap snap = index.findClosest(q.lat(), q.lon(), mainNetworkFilter);
            if (snap.isValid() && snap.getQueryDistance() <= maxSnapMeters) {
                GHPoint3D p = snap.getSnappedPoint();
                points.add(new PointSnap(i, q, new LatLon(p.lat, p.lon), snap.getQueryDistance(), null));
                snaps.add(snap);
            } else {
                points.add(new PointSnap(i, q, null, snap.isValid() ? snap.getQueryDistance() : Double.NaN,
                        problem(i, q, snap)));
                snaps.add(null);
            }
        }
        return new SnapResult(points, snaps);
    }

    /**
     * The nearest point of the main road network, however far (within the index's search radius); empty when none
     * is found. For offering a place to a location that {@link #snapAll} refuses: {@code problem} is set when the
     * location itself would be refused.
     */
    java.util.Optional<PointSnap> nearest(LatLon q) {
        Snap snap = index.findClosest(q.lat(), q.lon(), mainNetworkFilter);
        if (!snap.isValid()) {
            return java.util.Optional.empty();
        }
        GHPoint3D p = snap.getSnappedPoint();
        return java.util.Optional.of(new PointSnap(0, q, new LatLon(p.lat, p.lon), snap.getQueryDistance(),
                snap.getQueryDistance() <= maxSnapMeters ? null : problem(0, q, snap)));
    }

    private PointProblem problem(int i, LatLon q, Snap mainSnap) {
        String where = "location " + i + " (" + q + ")";
        if (!bounds.contains(q.lat(), q.lon())) {
            return new PointProblem(i, RoadProblem.OUTSIDE_MAP, where + " is outside the road map (lat "
                    + fmt(bounds.minLat()) + ".." + fmt(bounds.maxLat()) + ", lon " + fmt(bounds.minLon()) + ".."
                    + fmt(bounds.maxLon()) + ")");
        }
        Snap anyRoad = index.findClosest(q.lat(), q.lon(), anyCarRoadFilter);
        if (anyRoad.isValid() && anyRoad.getQueryDistance() <= maxSnapMeters) {
            return new PointProblem(i, RoadProblem.DISCONNECTED, where + ": the nearest road ("
                    + meters(anyRoad.getQueryDistance()) + " away) is cut off from the main road network"
                    + (mainSnap.isValid() ? "; the main network is " + meters(mainSnap.getQueryDistance()) + " away" : ""));
        }
        if (mainSnap.isValid()) {
            return new PointProblem(i, RoadProblem.TOO_FAR, where + ": the nearest road is "
                    + meters(mainSnap.getQueryDistance()) + " away, more than the allowed " + meters(maxSnapMeters));
        }
        return new PointProblem(i, RoadProblem.TOO_FAR, where + ": no road found near it (allowed distance "
                + meters(maxSnapMeters) + ")");
    }

    private static String meters(double m) {
        return String.format(Locale.ROOT, "%.0f m", m);
    }

    private static String fmt(double deg) {
        return String.format(Locale.ROOT, "%.5f", deg);
    }
}
