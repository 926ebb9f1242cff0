package org.techroute.data.road;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when an operation needs every location on the road network and some are not. Carries the problems. */
public class RoadPointsException extends IllegalArgumentException {

    private final transient List<PointProblem> problems;

    public RoadPointsException(List<PointProblem> problems) {
        super(problems.size() + " location(s) cannot be used on the road graph: "
                + problems.stream().limit(5).map(PointProblem::message).collect(Collectors.joining("; "))
                + (problems.size() > 5 ? "; ..." : ""));
        this.problems = List.copyOf(problems);
    }

    public List<PointProblem> problems() {
        return problems;
    }
}
