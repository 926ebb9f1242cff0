package org.techroute.solver.move;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.travel.TravelTimeMatrix;

/**
 * A first plan by cheapest insertion ({@link Recreate}) of every unassigned visit, most urgent first and, within
 * a priority, farthest from the first shift's start first. Visits already in a route (pinned or from an earlier
 * plan) stay where they are. A visit that fits none of the routes near it is tried at every position of every
 * route it may go to. Every insertion is confirmed by a replay of its route (windows, breaks, shift end, capacity),
 * so the plan is never less feasible than the routes it started from; what fits nowhere stays unassigned, for the
 * local search.
 * <p>
 * Each insertion costs O(1) estimates of positions and a replay of the route chosen, instead of a score calculation
 * per position as in Timefold's construction heuristic, which is far too slow once an overbooked day leaves
 * thousands of visits that fit nowhere.
 */
public final class InsertionConstruction implements PhaseCommand<RoutePlan> {

    @Override
    public void changeWorkingSolution(ScoreDirector<RoutePlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        RoutePlan plan = scoreDirector.getWorkingSolution();
        if (plan.getShifts().isEmpty()) {
            return;
        }
        List<Visit> unassigned = new ArrayList<>();
        for (Visit visit : plan.getVisits()) {
            if (visit.getShift() == null) {
                unassigned.add(visit);
            }
        }
        if (unassigned.isEmpty()) {
            return;
        }
        Shift first = plan.getShifts().get(0);
        TravelTimeMatrix matrix = first.getMatrix();
        int depot = first.getStartLocation();
        unassigned.sort(Comparator.comparingLong((Visit visit) -> visit.getPriority().unassignedWeight()).reversed()
                .thenComparing(Comparator.comparingLong(
                        (Visit visit) -> matrix.travelMillis(depot, visit.getLocation())).reversed()));
        Recreate recreate = new Recreate(plan, NearbyIndex.of(plan, RuinRecreateMoveIteratorFactory.NEAREST));
        Recreate.Routes routes = recreate.newRoutes();
        recreate.insertAnywhere(routes, recreate.insertAll(routes, unassigned, null));
        RoutesMove move = routes.toMove("InsertionConstruction");
        if (move != null) {
            move.doMoveOnly(scoreDirector);
            scoreDirector.triggerVariableListeners();
        }
    }
}
