package org.techroute.benchmarks.day;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.techroute.data.model.Location;
import org.techroute.data.model.Options;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Shift;
import org.techroute.data.model.Technician;
import org.techroute.data.model.TravelMode;
import org.techroute.data.model.Visit;
import org.techroute.data.travel.MatrixResult;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.solver.travel.TravelTimeMatrix;

/**
 * Travel times for the checker. Straight lines are computed here, with the haversine formula at the problem's
 * speed, independently of the solver's matrix; road travel times are the road matrix of the problem's
 * locations (a fact of the problem, like its time windows), built for the plan being checked.
 */
public interface Travel {

    /** Seconds from one place to another. */
    long seconds(Location from, Location to);

    /** The travel of one plan. */
    interface Source {
        Travel forPlan(Problem plan);
    }

    /** Great-circle distance (mean Earth radius) at the problem's haversine speed, rounded up to the second. */
    static Source haversine() {
        return plan -> {
            double metersPerSecond = plan.optionsOrDefaults().effectiveHaversineSpeedKmh() / 3.6;
            return (from, to) -> from.equals(to) ? 0
                    : (long) Math.ceil(Math.ceil(greatCircleMeters(from, to)) / metersPerSecond - 1e-9);
        };
    }

    /** The road matrix of every location of the plan, from the given matrix sources. */
    static Source road(TravelMatrices matrices) {
        return plan -> {
            Set<Location> distinct = new LinkedHashSet<>();
            for (Technician technician : plan.techniciansOrEmpty()) {
                distinct.add(technician.home());
            }
            for (Shift shift : plan.shiftsOrEmpty()) {
                if (shift.startLocation() != null) {
                    distinct.add(shift.startLocation());
                }
                if (shift.endLocation() != null) {
                    distinct.add(shift.endLocation());
                }
            }
            for (Visit visit : plan.visitsOrEmpty()) {
                distinct.add(visit.location());
            }
            List<Location> locations = new ArrayList<>(distinct);
            Map<Location, Integer> index = new HashMap<>();
            for (int i = 0; i < locations.size(); i++) {
                index.put(locations.get(i), i);
            }
            Options options = plan.optionsOrDefaults();
            MatrixResult result = matrices.build(TravelMode.ROAD, locations, options);
            if (!result.isSuccess()) {
                throw new IllegalStateException("the checker's road matrix failed: " + result.errors());
            }
            TravelTimeMatrix matrix = result.matrix();
            return (from, to) -> {
                Integer a = index.get(from);
                Integer b = index.get(to);
                if (a == null || b == null) {
                    throw new IllegalArgumentException("location not in the plan: " + (a == null ? from : to));
                }
                return (matrix.travelMillis(a, b) + 999) / 1000;
            };
        };
    }

    static double greatCircleMeters(Location a, Location b) {
        double lat1 = Math.toRadians(a.lat());
        double lat2 = Math.toRadians(b.lat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
