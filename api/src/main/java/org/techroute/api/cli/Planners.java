package org.techroute.api.cli;

import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;

/** Builds the command line's planner from its environment. */
final class Planners {

    private Planners() {
    }

    static Planner fromEnvironment() {
        return new Planner(new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads()));
    }
}
