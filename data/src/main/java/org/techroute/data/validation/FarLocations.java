package org.techroute.data.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Shift;
import org.techroute.data.model.Technician;
import org.techroute.data.model.Visit;
import org.techroute.data.model.Violation;
import org.techroute.data.travel.StraightLineMatrices;

/**
 * Warns about locations implausibly far from all the others of a problem (a technician's home on another
 * continent, a sign lost in a longitude): farther than a floor distance from the middle of the problem (the
 * median latitude and longitude) and than a factor times the locations' median distance from it. Linear after
 * sorting, so it costs nothing next to a travel matrix.
 */
final class FarLocations {

    private FarLocations() {
    }

    private record Place(String path, String id, String what, Location location) {
    }

    static void check(Problem problem, double floorMeters, double factor, List<Violation> warnings) {
        List<Place> places = new ArrayList<>();
        List<Technician> technicians = problem.techniciansOrEmpty();
        for (int i = 0; i < technicians.size(); i++) {
            add(places, "$.technicians[" + i + "].home", technicians.get(i).id(), "technician's home",
                    technicians.get(i).home());
        }
        List<Shift> shifts = problem.shiftsOrEmpty();
        for (int i = 0; i < shifts.size(); i++) {
            add(places, "$.shifts[" + i + "].startLocation", shifts.get(i).id(), "shift's start",
                    shifts.get(i).startLocation());
            add(places, "$.shifts[" + i + "].endLocation", shifts.get(i).id(), "shift's end",
                    shifts.get(i).endLocation());
        }
        List<Visit> visits = problem.visitsOrEmpty();
        for (int i = 0; i < visits.size(); i++) {
            add(places, "$.visits[" + i + "].location", visits.get(i).id(), "visit", visits.get(i).location());
        }
        if (places.size() < 3) {
            return;
        }
        Location middle = Location.ofLatLon(median(places, true), median(places, false));
        double[] distances = new double[places.size()];
        for (int i = 0; i < places.size(); i++) {
            distances[i] = StraightLineMatrices.haversineMeters(middle, places.get(i).location());
        }
        double[] sorted = distances.clone();
        Arrays.sort(sorted);
        double typical = sorted[sorted.length / 2];
        double threshold = Math.max(floorMeters, factor * typical);
        for (int i = 0; i < places.size(); i++) {
            if (distances[i] > threshold) {
                Place place = places.get(i);
                warnings.add(new Violation(place.path(), place.id(), "the " + place.what() + " is "
                        + Math.round(distances[i] / 1000) + " km from the middle of the problem's locations, where"
                        + " half of them lie within " + Math.round(typical / 1000) + " km; is it right?"));
            }
        }
    }

    private static void add(List<Place> places, String path, String id, String what, Location location) {
        if (location != null && location.isGeographic()) {
            places.add(new Place(path, id, what, location));
        }
    }

    private static double median(List<Place> places, boolean latitude) {
        double[] values = places.stream().mapToDouble(p -> latitude ? p.location().lat() : p.location().lon())
                .sorted().toArray();
        return values[values.length / 2];
    }
}
