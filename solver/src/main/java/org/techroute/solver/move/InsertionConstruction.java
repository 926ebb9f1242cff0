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
 * plan) stay where they are. Whatever does not fit anywhere without breaking a window, the shift end or the
 * capacity is left for Timefold's construction heuristic that runs next, which judges with the real score.
 * <p>
 * Each insertion costs a scan of the positions of a few nearby routes instead of a score calculation per position,
 * so this is much faster than a construction heuristic on large problems (e.g. 1000 visits).
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
        Recreate recreate = new Recreate(plan, NearbyIndex.build(plan, RuinRecreateMoveIteratorFactory.NEAREST));
        Recreate.Routes routes = recreate.newRoutes();
        List<Visit> left = recreate.insertAll(routes, unassigned, null);
        List<Visit> assigned = new ArrayList<>(unassigned);
        assigned.removeAll(left);
        RoutesMove move = routes.toMove("InsertionConstruction", assigned, List.of());
        if (move != null) {
            move.doMoveOnly(scoreDirector);
            scoreDirector.triggerVariableListeners();
        }
    }
}
