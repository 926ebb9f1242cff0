package org.techroute.api.road;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.techroute.api.routes.RouteGeometry;
import org.techroute.api.routes.RouteGeometryProvider;
import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Shift;
import org.techroute.data.model.Technician;
import org.techroute.data.model.TravelMode;
import org.techroute.data.model.Visit;
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
        Map<String, Technician> technicians = new HashMap<>();
        plan.techniciansOrEmpty().forEach(t -> technicians.put(t.id(), t));
        Map<String, Shift> shifts = new HashMap<>();
        plan.shiftsOrEmpty().forEach(s -> shifts.put(s.id(), s));
        Map<String, Visit> visits = new HashMap<>();
        plan.visitsOrEmpty().forEach(v -> visits.put(v.id(), v));
        List<RouteGeometry> result = new ArrayList<>();
        if (plan.solution() == null || plan.solution().routes() == null) {
            return result;
        }
        for (Route route : plan.solution().routes()) {
            Shift shift = shifts.get(route.shiftId());
            if (shift == null || route.visitIds() == null || route.visitIds().isEmpty()) {
                continue;
            }
            Location home = technicians.get(shift.technicianId()).home();
            List<LatLon> stops = new ArrayList<>();
            stops.add(latLon(shift.startLocation() != null ? shift.startLocation() : home));
            route.visitIds().forEach(id -> stops.add(latLon(visits.get(id).location())));
            stops.add(latLon(shift.endLocation() != null ? shift.endLocation() : home));
            List<RouteGeometry.Point> points = new ArrayList<>();
            for (LegGeometry leg : holder.source().graph().routeGeometry(stops)) {
                for (LatLon point : leg.points()) {
                    points.add(new RouteGeometry.Point(point.lat(), point.lon()));
                }
            }
            result.add(new RouteGeometry(shift.id(), shift.technicianId(), RouteGeometry.ROAD,
                    List.copyOf(route.visitIds()), points));
        }
        return result;
    }

    private static LatLon latLon(Location location) {
        return new LatLon(location.lat(), location.lon());
    }
}
