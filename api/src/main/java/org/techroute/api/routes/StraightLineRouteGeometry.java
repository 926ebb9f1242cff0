package org.techroute.api.routes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Shift;
import org.techroute.data.model.Technician;
import org.techroute.data.model.Visit;

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
            List<RouteGeometry.Point> points = new ArrayList<>();
            points.add(point(shift.startLocation() != null ? shift.startLocation() : home));
            for (String visitId : route.visitIds()) {
                points.add(point(visits.get(visitId).location()));
            }
            points.add(point(shift.endLocation() != null ? shift.endLocation() : home));
            result.add(new RouteGeometry(shift.id(), shift.technicianId(), RouteGeometry.STRAIGHT_LINE,
                    List.copyOf(route.visitIds()), points));
        }
        return result;
    }

    private static RouteGeometry.Point point(Location location) {
        return new RouteGeometry.Point(location.lat(), location.lon());
    }
}
