package org.techroute.solver.move;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import org.techroute.solver.domain.Priority;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/**
 * A deterministic pass over the CRITICAL visits: each one that may move (not started, not linked to others) is
 * tried at every position of its own route and of the routes near it (every route on a day of up to
 * {@value #ALL_SHIFTS_UP_TO} shifts), an unassigned one too, judged by the full score; it goes to the best position
 * if that is better than where it is. The local search finds such moves by chance among thousands of others; a
 * short re-plan after an emergency call (a few hundred steps) can miss the one that serves the emergency first
 * (an emergency left behind a 30-minute routine visit a minute away). Bounded by {@value #MAX_EVALUATIONS} score
 * calculations a pass, so a day of thousands of CRITICAL visits costs at most a few seconds.
 */
public final class UrgentPolish implements PhaseCommand<RoutePlan> {

    /** Days with at most this many shifts try every shift; larger ones the shifts of the visit's nearest visits. */
    static final int ALL_SHIFTS_UP_TO = 60;
    /** Nearest visits whose shifts are tried on larger days. */
    static final int NEAREST = 20;
    /** Score calculations allowed a pass. */
    static final int MAX_EVALUATIONS = 20_000;

    @Override
    public void changeWorkingSolution(ScoreDirector<RoutePlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        RoutePlan plan = scoreDirector.getWorkingSolution();
        List<Visit> urgent = new ArrayList<>();
        for (Visit visit : plan.getVisits()) {
            if (visit.getPriority() == Priority.CRITICAL && !visit.isLinked() && movable(visit)) {
                urgent.add(visit);
            }
        }
        if (urgent.isEmpty() || plan.getShifts().isEmpty()) {
            return;
        }
        NearbyIndex index = plan.getShifts().size() > ALL_SHIFTS_UP_TO ? NearbyIndex.of(plan, NEAREST) : null;
        HardMediumSoftLongScore current = InsertionConstruction.score(scoreDirector);
        int evaluations = 0;
        for (Visit visit : urgent) {
            if (evaluations >= MAX_EVALUATIONS || isPhaseTerminated.getAsBoolean()) {
                return;
            }
            HardMediumSoftLongScore best = current;
            RoutesMove bestMove = null;
            for (Shift target : candidates(plan, visit, index)) {
                int first = target.getPinnedVisitCount();
                int size = target.getVisits().size() - (target == visit.getShift() ? 1 : 0);
                for (int position = first; position <= size && evaluations < MAX_EVALUATIONS; position++) {
                    RoutesMove move = moveTo(visit, target, position);
                    if (move == null) {
                        continue;
                    }
                    evaluations++;
                    RoutesMove undo = move.undo();
                    move.doMoveOnly(scoreDirector);
                    scoreDirector.triggerVariableListeners();
                    HardMediumSoftLongScore score = InsertionConstruction.score(scoreDirector);
                    undo.doMoveOnly(scoreDirector);
                    scoreDirector.triggerVariableListeners();
                    if (score.compareTo(best) > 0) {
                        best = score;
                        bestMove = move;
                    }
                }
            }
            if (bestMove != null) {
                bestMove.doMoveOnly(scoreDirector);
                scoreDirector.triggerVariableListeners();
                current = InsertionConstruction.score(scoreDirector);
            } else {
                InsertionConstruction.score(scoreDirector);
            }
        }
    }

    private static boolean movable(Visit visit) {
        Shift shift = visit.getShift();
        return shift == null || shift.getVisits().indexOf(visit) >= shift.getPinnedVisitCount();
    }

    /** The visit's own shift first, then every shift on a small day or the shifts of its nearest visits. */
    private static Set<Shift> candidates(RoutePlan plan, Visit visit, NearbyIndex index) {
        Set<Shift> shifts = new LinkedHashSet<>();
        if (visit.getShift() != null) {
            shifts.add(visit.getShift());
        }
        if (index == null) {
            shifts.addAll(plan.getShifts());
            return shifts;
        }
        for (int near : index.nearest(index.indexOf(visit))) {
            Shift shift = index.visit(near).getShift();
            if (shift != null) {
                shifts.add(shift);
            }
        }
        return shifts;
    }

    /** The visit at {@code position} of {@code target}'s list once taken out of its own (null: where it is). */
    private static RoutesMove moveTo(Visit visit, Shift target, int position) {
        Shift source = visit.getShift();
        if (source == null) {
            List<Visit> list = new ArrayList<>(target.getVisits());
            list.add(position, visit);
            return new RoutesMove("UrgentPolish", List.of(target), List.of(list), visit);
        }
        List<Visit> sourceList = new ArrayList<>(source.getVisits());
        int from = sourceList.indexOf(visit);
        sourceList.remove(from);
        if (target == source) {
            if (position == from) {
                return null;
            }
            sourceList.add(position, visit);
            return new RoutesMove("UrgentPolish", List.of(source), List.of(sourceList), null);
        }
        List<Visit> targetList = new ArrayList<>(target.getVisits());
        targetList.add(position, visit);
        return new RoutesMove("UrgentPolish", List.of(source, target), List.of(sourceList, targetList), null);
    }
}
