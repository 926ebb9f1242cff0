package org.techroute.data.mapping;

import java.util.List;
import java.util.Map;

import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Violation;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.travel.TravelTimeMatrix;

/**
 * A problem turned into the planning model, with what is needed to turn a solved model back into a plan.
 *
 * @param locations          the matrix's locations, by index
 * @param snapDistanceMeters per location index, how far it was moved onto the road network (null if not snapped)
 * @param warnings           validation warnings, carried into the plan
 * @param locationUses       where each location index is used: JSON path and entity id
 */
public record MappedProblem(Problem problem, RoutePlan plan, TravelTimeMatrix matrix, List<Location> locations,
        double[] snapDistanceMeters, Map<String, java.time.ZoneOffset> shiftOffsets, List<Violation> warnings,
        List<LocationUse> locationUses) {

    /** One use of a location: the JSON path, the entity, and the location's matrix index. */
    public record LocationUse(String path, String entityId, int index) {
    }
}
