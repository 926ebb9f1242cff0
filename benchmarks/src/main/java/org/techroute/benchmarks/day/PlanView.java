package org.techroute.benchmarks.day;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Shift;
import org.techroute.data.model.ShiftBreak;
import org.techroute.data.model.Step;
import org.techroute.data.model.Technician;
import org.techroute.data.model.UnassignedVisit;
import org.techroute.data.model.Visit;

/**
 * A plan document read for checking: its technicians, shifts and visits by id, and each route's services and
 * breaks with their times, taken from the route steps only (never from the solver's score).
 */
final class PlanView {

    /** A visit served in a route. */
    record Service(String visitId, String shiftId, int position, OffsetDateTime arrival, OffsetDateTime start,
            OffsetDateTime end) {
    }

    /** A break taken in a route. */
    record Break(String shiftId, int index, OffsetDateTime start, OffsetDateTime end) {
    }

    final Problem plan;
    final Map<String, Technician> technicians = new LinkedHashMap<>();
    final Map<String, Shift> shifts = new LinkedHashMap<>();
    final Map<String, Visit> visits = new LinkedHashMap<>();
    final Map<String, Route> routes = new LinkedHashMap<>();
    /** Every service step, by visit id; a visit served twice keeps its first and is counted in servedTwice. */
    final Map<String, Service> services = new LinkedHashMap<>();
    final List<String> servedTwice = new ArrayList<>();
    final Map<String, List<Service>> servicesByShift = new LinkedHashMap<>();
    final Map<String, List<Break>> breaksByShift = new LinkedHashMap<>();
    final Map<String, UnassignedVisit> unassigned = new LinkedHashMap<>();
    final List<String> unassignedTwice = new ArrayList<>();

    PlanView(Problem plan) {
        this.plan = plan;
        plan.techniciansOrEmpty().forEach(t -> technicians.put(t.id(), t));
        plan.shiftsOrEmpty().forEach(s -> shifts.put(s.id(), s));
        plan.visitsOrEmpty().forEach(v -> visits.put(v.id(), v));
        if (plan.solution() == null) {
            return;
        }
        for (Route route : plan.solution().routes() == null ? List.<Route>of() : plan.solution().routes()) {
            routes.put(route.shiftId(), route);
            List<Service> served = new ArrayList<>();
            List<Break> breaks = new ArrayList<>();
            OffsetDateTime arrival = null;
            for (Step step : route.steps() == null ? List.<Step>of() : route.steps()) {
                switch (step.type()) {
                    case TRAVEL -> arrival = step.end();
                    case SERVICE -> {
                        Service service = new Service(step.visitId(), route.shiftId(), served.size(),
                                step.arrival() != null ? step.arrival() : arrival, step.start(), step.end());
                        served.add(service);
                        if (services.putIfAbsent(step.visitId(), service) != null) {
                            servedTwice.add(step.visitId());
                        }
                    }
                    case BREAK -> breaks.add(new Break(route.shiftId(), breaks.size(), step.start(), step.end()));
                    default -> {
                    }
                }
            }
            servicesByShift.put(route.shiftId(), served);
            breaksByShift.put(route.shiftId(), breaks);
        }
        if (plan.solution().unassignedVisits() != null) {
            for (UnassignedVisit visit : plan.solution().unassignedVisits()) {
                if (unassigned.putIfAbsent(visit.visitId(), visit) != null) {
                    unassignedTwice.add(visit.visitId());
                }
            }
        }
    }

    List<Service> services(String shiftId) {
        return servicesByShift.getOrDefault(shiftId, List.of());
    }

    List<Break> breaks(String shiftId) {
        return breaksByShift.getOrDefault(shiftId, List.of());
    }

    Location startLocation(Shift shift) {
        return shift.startLocation() != null ? shift.startLocation() : technicians.get(shift.technicianId()).home();
    }

    Location endLocation(Shift shift) {
        return shift.endLocation() != null ? shift.endLocation() : technicians.get(shift.technicianId()).home();
    }

    /** The shift's breaks in the order the timing rules take them (by earliest start). */
    static List<ShiftBreak> breakRules(Shift shift) {
        return shift.breaksOrEmpty().stream().sorted(Comparator.comparing(ShiftBreak::earliestStart)).toList();
    }

    /** When the technician reaches the end location (before any break taken there), or null if the route is empty. */
    OffsetDateTime arrivalAtEnd(String shiftId) {
        Route route = routes.get(shiftId);
        if (route == null || route.steps() == null || route.steps().isEmpty()) {
            return null;
        }
        OffsetDateTime arrival = null;
        for (Step step : route.steps()) {
            if (step.type() == Step.StepType.TRAVEL && step.visitId() == null) {
                arrival = step.end();
            }
        }
        return arrival != null ? arrival : route.end();
    }

    /** The last step's end, or null for an empty route. */
    OffsetDateTime routeEnd(String shiftId) {
        Route route = routes.get(shiftId);
        if (route == null || route.steps() == null || route.steps().isEmpty()) {
            return null;
        }
        return route.steps().get(route.steps().size() - 1).end();
    }

    OffsetDateTime routeStart(String shiftId) {
        Route route = routes.get(shiftId);
        if (route == null || route.steps() == null || route.steps().isEmpty()) {
            return null;
        }
        return route.steps().get(0).start();
    }

    boolean isStarted(String visitId) {
        Visit visit = visits.get(visitId);
        return visit != null && visit.pin() != null && visit.pin().start() != null;
    }
}
