package org.techroute.solver.move;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;

import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.travel.TravelTimeMatrix;

/**
 * A first plan by cheapest insertion ({@link Recreate}) of every unassigned visit, most urgent first and, within
 * a priority, farthest from the first shift's start first. Visits already in a route (pinned or from an earlier
 * plan) stay where they are, unless those routes break hard rules: then {@link InfeasibleStartRepair} takes work
 * out first, and it is inserted again with the others. A visit that fits none of the routes near it is tried at
 * every position of every route it may go to. Every insertion is confirmed by a replay of its route (windows,
 * breaks, shift end, capacity), so the plan is never less feasible than the routes it started from; what fits
 * nowhere stays unassigned, for the local search.
 * <p>
 * Each insertion costs O(1) estimates of positions and a replay of the route chosen, instead of a score calculation
 * per position as in Timefold's construction heuristic, which is far too slow once an overbooked day leaves
 * thousands of visits that fit nowhere.
 */
public final class InsertionConstruction implements PhaseCommand<RoutePlan> {

    /** How many tries a group of linked visits (a crew, a visit that follows others) gets in the first plan. */
    static final int GROUP_ATTEMPTS = 4;

    @Override
    public void changeWorkingSolution(ScoreDirector<RoutePlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        RoutePlan plan = scoreDirector.getWorkingSolution();
        if (plan.getShifts().isEmpty()) {
            return;
        }
        List<Visit> unassigned = new ArrayList<>();
        for (Visit visit : plan.getVisits()) {
            if (visit.getShift() == null && !visit.isLinked()) {
                unassigned.add(visit);
            }
        }
        Recreate recreate = new Recreate(plan, NearbyIndex.of(plan, RuinRecreateMoveIteratorFactory.NEAREST));
        // a re-plan that starts breaking hard rules gives up work first, and places it again below where it fits
        unassigned.addAll(InfeasibleStartRepair.repair(scoreDirector, recreate));
        // linked visits first, on routes still open: the others are then inserted around them without moving them
        placeLinked(scoreDirector, recreate);
        if (!unassigned.isEmpty()) {
            Shift first = plan.getShifts().get(0);
            TravelTimeMatrix matrix = first.getMatrix();
            int depot = first.getStartLocation();
            unassigned.sort(Comparator.comparingLong((Visit visit) -> visit.getPriority().unassignedWeight())
                    .reversed().thenComparing(Comparator.comparingLong(
                            (Visit visit) -> matrix.travelMillis(depot, visit.getLocation())).reversed()));
            Recreate.Routes routes = recreate.newRoutes();
            recreate.insertAnywhere(routes, recreate.insertAll(routes, unassigned, null));
            RoutesMove move = routes.toMove("InsertionConstruction");
            if (move != null) {
                move.doMoveOnly(scoreDirector);
                scoreDirector.triggerVariableListeners();
            }
        }
    }

    /** The working solution's score, calculated now (also used by {@link UrgentPolish}). */
    @SuppressWarnings("unchecked")
    static HardMediumSoftLongScore score(ScoreDirector<RoutePlan> scoreDirector) {
        return ((InnerScoreDirector<RoutePlan, HardMediumSoftLongScore>) scoreDirector).calculateScore().raw();
    }

    /**
     * Crews and visits that follow others or are followed, one group at a time: their times depend on other
     * routes, which the insertion's estimates do not see, so each group's insertion is judged by the real score and
     * taken back if it breaks more hard constraints than before (a few tries with other positions).
     */
    private static void placeLinked(ScoreDirector<RoutePlan> scoreDirector, Recreate recreate) {
        List<List<Visit>> groups = LinkedGroups.of(scoreDirector.getWorkingSolution());
        if (groups.isEmpty()) {
            return;
        }
        Random random = new Random(0);
        HardMediumSoftLongScore score = score(scoreDirector);
        for (List<Visit> group : groups) {
            List<Visit> open = new ArrayList<>();
            Set<String> busy = new HashSet<>();
            for (Visit member : group) {
                if (member.getShift() == null) {
                    open.add(member);
                } else {
                    busy.add(member.getShift().getTechnician().getId());
                }
            }
            if (open.isEmpty()) {
                continue;
            }
            boolean placed = false;
            for (int attempt = 0; attempt < GROUP_ATTEMPTS && !placed; attempt++) {
                Recreate.Routes routes = recreate.newRoutes();
                if (!recreate.insertGroup(routes, open, busy, attempt == 0 ? null : random)) {
                    break;
                }
                HardMediumSoftLongScore after = keepIfNoWorse(scoreDirector, routes, score);
                if (after != null) {
                    score = after;
                    placed = true;
                }
            }
            if (placed || open.size() == group.size()) {
                continue;
            }
            // part of a crew is in routes (a plan re-planned after a change): the whole crew placed again, else
            // none of it (what has started stays)
            for (int attempt = 0; attempt < GROUP_ATTEMPTS && !placed; attempt++) {
                RoutesMove move = LinkedRecreateMoveIteratorFactory.next(recreate, group, random, attempt == 0);
                if (move != null) {
                    HardMediumSoftLongScore after = keepIfNoWorse(scoreDirector, move, score);
                    if (after != null) {
                        score = after;
                        placed = true;
                    }
                }
            }
            if (!placed) {
                RoutesMove removal = LinkedRecreateMoveIteratorFactory.removal(recreate, group);
                if (removal != null) {
                    HardMediumSoftLongScore after = keepIfNoWorse(scoreDirector, removal, score);
                    if (after != null) {
                        score = after;
                    }
                }
            }
        }
    }

    private static HardMediumSoftLongScore keepIfNoWorse(ScoreDirector<RoutePlan> scoreDirector,
            Recreate.Routes routes, HardMediumSoftLongScore before) {
        RoutesMove move = routes.toMove("InsertionConstruction");
        return move == null ? null : keepIfNoWorse(scoreDirector, move, before);
    }

    /** Does the move; keeps it and returns the new score if the hard score is better, else takes it back (null). */
    static HardMediumSoftLongScore keepIfBetter(ScoreDirector<RoutePlan> scoreDirector, RoutesMove move,
            HardMediumSoftLongScore before) {
        return keepIf(scoreDirector, move, before, 1);
    }

    /** Does the move; keeps it and returns the new score if the hard score is no worse, else takes it back (null). */
    private static HardMediumSoftLongScore keepIfNoWorse(ScoreDirector<RoutePlan> scoreDirector, RoutesMove move,
            HardMediumSoftLongScore before) {
        return keepIf(scoreDirector, move, before, 0);
    }

    /** Does the move; keeps it if the hard score gains at least {@code minGain}, else takes it back (null). */
    private static HardMediumSoftLongScore keepIf(ScoreDirector<RoutePlan> scoreDirector, RoutesMove move,
            HardMediumSoftLongScore before, long minGain) {
        RoutesMove undo = move.undo();
        move.doMoveOnly(scoreDirector);
        scoreDirector.triggerVariableListeners();
        HardMediumSoftLongScore after = score(scoreDirector);
        if (after.hardScore() >= before.hardScore() + minGain) {
            return after;
        }
        undo.doMoveOnly(scoreDirector);
        scoreDirector.triggerVariableListeners();
        score(scoreDirector);
        return null;
    }
}
