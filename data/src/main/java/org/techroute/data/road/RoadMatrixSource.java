package org.techroute.data.road;

import java.util.ArrayList;
import java.util.List;

import org.techroute.data.model.Location;
import org.techroute.data.model.Options;
import org.techroute.data.travel.LocationError;
import org.techroute.data.travel.MatrixResult;
import org.techroute.data.travel.MatrixSource;

/**
 * The {@code road} travel mode: snaps a problem's locations to the road graph and computes their travel matrix
 * (cached by location set). Locations that cannot be used come back as errors by index, with a message that
 * describes the location, not the index; the mapper names the visit or technician.
 */
public final class RoadMatrixSource implements MatrixSource {

    private final RoadMatrixService service;

    public RoadMatrixSource(RoadMatrixService service) {
        this.service = service;
    }

    @Override
    public MatrixResult build(List<Location> locations, Options options) {
        List<LatLon> points = new ArrayList<>(locations.size());
        for (Location location : locations) {
            points.add(new LatLon(location.lat(), location.lon()));
        }
        RoadMatrixResult result = service.matrix(points);
        if (!result.ok()) {
            List<LocationError> errors = new ArrayList<>();
            for (PointProblem problem : result.problems()) {
                errors.add(new LocationError(problem.index(), problem.reason().name(),
                        describe(problem, points.get(problem.index()))));
            }
            return MatrixResult.failed(errors);
        }
        double[] snapMeters = new double[points.size()];
        for (PointSnap snap : result.snaps().points()) {
            snapMeters[snap.index()] = snap.snapMeters();
        }
        return new MatrixResult(result.matrix(), List.of(), snapMeters);
    }

    /** The problem's message, about "the location (lat, lon)" rather than "location 17". */
    static String describe(PointProblem problem, LatLon point) {
        String prefix = "location " + problem.index() + " (" + point + ")";
        String message = problem.message();
        String rest = message.startsWith(prefix) ? message.substring(prefix.length()) : ": " + message;
        return "the location (" + point + ")" + rest + " [" + problem.reason() + "]";
    }
}
