package org.techroute.data.road;

import org.techroute.solver.travel.CompactTravelTimeMatrix;

import java.util.List;

/**
 * Road travel matrix for a list of locations, or why it cannot be used.
 *
 * @param snaps    snapping outcome per location (input order)
 * @param matrix   travel seconds and meters between all pairs, index = input position; {@code null} when some
 *                 location failed snapping
 * @param problems every unusable location: snapping failures, and locations whose matrix row or column is
 *                 entirely unreachable ({@link RoadProblem#DISCONNECTED}, e.g. trapped behind one-way roads)
 */
public record RoadMatrixResult(SnapResult snaps, CompactTravelTimeMatrix matrix, List<PointProblem> problems) {

    public RoadMatrixResult {
        problems = List.copyOf(problems);
    }

    /** True when every location is on the main road network and the matrix is complete. */
    public boolean ok() {
        return matrix != null && problems.isEmpty();
    }
}
