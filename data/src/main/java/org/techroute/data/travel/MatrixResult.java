package org.techroute.data.travel;

import java.util.List;

import org.techroute.solver.travel.TravelTimeMatrix;

/**
 * A matrix for a list of locations, or the locations it could not be built for.
 *
 * @param snapDistanceMeters per location, how far it was moved onto the network (null when not snapped)
 */
public record MatrixResult(TravelTimeMatrix matrix, List<LocationError> errors, double[] snapDistanceMeters) {

    public static MatrixResult of(TravelTimeMatrix matrix) {
        return new MatrixResult(matrix, List.of(), null);
    }

    public static MatrixResult failed(List<LocationError> errors) {
        return new MatrixResult(null, List.copyOf(errors), null);
    }

    public boolean isSuccess() {
        return errors.isEmpty() && matrix != null;
    }
}
