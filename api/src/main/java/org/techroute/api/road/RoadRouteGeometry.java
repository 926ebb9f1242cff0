package org.techroute.api.road;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.techroute.api.routes.RouteGeometry;
import org.techroute.api.routes.RouteGeometryProvider;
import org.techroute.api.routes.RouteStops;
import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TravelMode;
import org.techroute.data.road.LatLon;
import org.techroute.data.road.LegGeometry;

/** Road polylines for plans in road travel mode, once the road graph is loaded. */
@Component
@Order(0)
class RoadRouteGeometry implements RouteGeometryProvider {

    private final RoadGraphHolder holder;

    RoadRouteGeometry(RoadGraphHolder holder) {
        this.holder = holder;
    }

    @Override
    public boolean supports(Problem plan) {
        return plan.optionsOrDefaults().effectiveTravelMode() == TravelMode.ROAD && holder.isLoaded();
    }

    @Override
    public List<RouteGeometry> routes(Problem plan) {
        List<RouteGeometry> result = new ArrayList<>();
        for (RouteStops route : RouteStops.of(plan)) {
            List<LatLon> stops = route.stops().stream().map(RoadRouteGeometry::latLon).toList();
            List<RouteGeometry.Point> points = new ArrayList<>();
            for (LegGeometry leg : holder.source().graph().routeGeometry(stops)) {
                for (LatLon point : leg.points()) {
                    points.add(new RouteGeometry.Point(point.lat(), point.lon()));
                }
            }
            result.add(new RouteGeometry(route.shiftId(), route.technicianId(), RouteGeometry.ROAD, route.visitIds(),
                    points));
        }
        return result;
    }

    private static LatLon latLon(Location location) {
        return new LatLon(location.lat(), location.lon());
    }
}
