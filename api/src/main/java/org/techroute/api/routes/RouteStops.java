package org.techroute.api.routes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Shift;
import org.techroute.data.model.Technician;
import org.techroute.data.model.Visit;

/**
 * The stops of each route with visits, in driving order: start location, visits, end location.
 *
 * @param stops at least three: start, one or more visits, end
 */
public record RouteStops(String shiftId, String technicianId, List<String> visitIds, List<Location> stops) {

    /** One per route with visits, in the plan's route order. */
    public static List<RouteStops> of(Problem plan) {
        Map<String, Technician> technicians = new HashMap<>();
        plan.techniciansOrEmpty().forEach(t -> technicians.put(t.id(), t));
        Map<String, Shift> shifts = new HashMap<>();
        plan.shiftsOrEmpty().forEach(s -> shifts.put(s.id(), s));
        Map<String, Visit> visits = new HashMap<>();
        plan.visitsOrEmpty().forEach(v -> visits.put(v.id(), v));
        List<RouteStops> result = new ArrayList<>();
        if (plan.solution() == null || plan.solution().routes() == null) {
            return result;
        }
        for (Route route : plan.solution().routes()) {
            Shift shift = shifts.get(route.shiftId());
            if (shift == null || route.visitIds() == null || route.visitIds().isEmpty()) {
                continue;
            }
            Location home = technicians.get(shift.technicianId()).home();
            List<Location> stops = new ArrayList<>();
            stops.add(shift.startLocation() != null ? shift.startLocation() : home);
            route.visitIds().forEach(id -> stops.add(visits.get(id).location()));
            stops.add(shift.endLocation() != null ? shift.endLocation() : home);
            result.add(new RouteStops(shift.id(), shift.technicianId(), List.copyOf(route.visitIds()), stops));
        }
        return result;
    }
}
