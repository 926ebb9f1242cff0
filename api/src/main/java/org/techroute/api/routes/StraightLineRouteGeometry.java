package org.techroute.api.routes;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;

/** Straight segments between consecutive stops, marked {@code straight-line}: never presented as roads. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class StraightLineRouteGeometry implements RouteGeometryProvider {

    @Override
    public boolean supports(Problem plan) {
        return true;
    }

    @Override
    public List<RouteGeometry> routes(Problem plan) {
        return RouteStops.of(plan).stream().map(route -> new RouteGeometry(route.shiftId(), route.technicianId(),
                RouteGeometry.STRAIGHT_LINE, route.visitIds(), route.stops().stream()
                        .map(StraightLineRouteGeometry::point).toList())).toList();
    }

    private static RouteGeometry.Point point(Location location) {
        return new RouteGeometry.Point(location.lat(), location.lon());
    }
}
