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
 * (an emergency left behind a 30-minute routine visit a minute away). An unassigned one that no position takes
 * without breaking a hard rule is tried once more with room made for it: less urgent visits of that route left out
 * (with their crews and the visits that follow them), the best by the full score (an emergency that only one
 * technician may serve, whose driving limit his visits not yet started nearly use up); on a day of up to
 * {@value #ALL_SHIFTS_UP_TO} shifts also a served one kept waiting beyond its first hour for which no other position
 * is better, with at most {@value #MAX_EVALUATIONS_SERVED} score calculations. Bounded by
 * {@value #MAX_EVALUATIONS} score calculations a pass, so a day of thousands of CRITICAL visits costs at most a few
 * seconds.
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
            Set<Shift> targets = candidates(plan, visit, index);
            for (Shift target : targets) {
                int first = target.getPinnedVisitCount();
                int size = target.getVisits().size() - (target == visit.getShift() ? 1 : 0);
                for (int position = first; position <= size && evaluations < MAX_EVALUATIONS; position++) {
                    RoutesMove move = moveTo(visit, target, position);
                    if (move == null) {
                        continue;
                    }
                    evaluations++;
                    HardMediumSoftLongScore score = evaluate(scoreDirector, move);
                    if (score.compareTo(best) > 0) {
                        best = score;
                        bestMove = move;
                    }
                }
            }
            if (bestMove == null && (visit.getShift() == null || index == null && visit.criticalDelayMinutes() > 0)) {
                // no place is better as the routes are: make room by leaving out less urgent visits of one route
                // (an unassigned emergency that fits nowhere; on a day of up to ALL_SHIFTS_UP_TO shifts, a served
                // one kept waiting that another technician, whose driving limit his later visits nearly use up,
                // could reach sooner)
                targets.remove(visit.getShift());
                int allowed = MAX_EVALUATIONS - evaluations;
                Eviction eviction = bestEviction(scoreDirector, plan, visit, targets, current,
                        visit.getShift() == null ? allowed : Math.min(allowed, MAX_EVALUATIONS_SERVED));
                evaluations += eviction.evaluations();
                bestMove = eviction.move();
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

    /** The best eviction move found (null: none beats the current score) and the score calculations it took. */
    private record Eviction(RoutesMove move, int evaluations) {
    }

    /**
     * For an unassigned urgent visit that no route takes as it is (each insertion breaks a hard rule: a driving limit
     * already nearly used, the windows of the visits after it): at each position of each candidate route, the visit
     * inserted and then, one at a time, the visit of that route whose leaving out gives the best score left out
     * (with its crew and the visits that follow it, wherever they are; never a started, pinned or CRITICAL one), up
     * to {@value #MAX_EVICTED} times or until the route breaks no more hard rules than before. The best of all
     * these, by the full score, if it beats {@code current}.
     */
    private static Eviction bestEviction(ScoreDirector<RoutePlan> scoreDirector, RoutePlan plan, Visit visit,
            Set<Shift> targets, HardMediumSoftLongScore current, int allowed) {
        HardMediumSoftLongScore best = current;
        RoutesMove bestMove = null;
        int evaluations = 0;
        for (Shift target : targets) {
            int first = target.getPinnedVisitCount();
            for (int position = first; position <= target.getVisits().size(); position++) {
                Set<Visit> evicted = new LinkedHashSet<>();
                for (int round = 0; round < MAX_EVICTED; round++) {
                    HardMediumSoftLongScore roundBest = null;
                    RoutesMove roundMove = null;
                    Set<Visit> roundGroup = null;
                    for (int i = first; i < target.getVisits().size(); i++) {
                        Visit candidate = target.getVisits().get(i);
                        if (evicted.contains(candidate) || evaluations >= allowed) {
                            continue;
                        }
                        Set<Visit> group = evictionGroup(plan, candidate);
                        if (group == null) {
                            continue;
                        }
                        Set<Visit> out = new LinkedHashSet<>(evicted);
                        out.addAll(group);
                        RoutesMove move = evicting(visit, target, position, out);
                        evaluations++;
                        HardMediumSoftLongScore score = evaluate(scoreDirector, move);
                        if (roundBest == null || score.compareTo(roundBest) > 0) {
                            roundBest = score;
                            roundMove = move;
                            roundGroup = group;
                        }
                    }
                    if (roundMove == null) {
                        break;
                    }
                    evicted.addAll(roundGroup);
                    if (roundBest.compareTo(best) > 0) {
                        best = roundBest;
                        bestMove = roundMove;
                    }
                    if (roundBest.hardScore() >= current.hardScore()) {
                        break; // no hard rule broken that was not before: leaving out more only costs
                    }
                }
            }
        }
        return new Eviction(bestMove, evaluations);
    }

    /** Score calculations a served emergency's eviction may take of the pass's (an unassigned one: all left). */
    static final int MAX_EVALUATIONS_SERVED = 2_000;

    /** Visits left out of a route at most, per position tried. */
    static final int MAX_EVICTED = 4;

    /** The score with {@code move} done, then undone. */
    private static HardMediumSoftLongScore evaluate(ScoreDirector<RoutePlan> scoreDirector, RoutesMove move) {
        RoutesMove undo = move.undo();
        move.doMoveOnly(scoreDirector);
        scoreDirector.triggerVariableListeners();
        HardMediumSoftLongScore score = InsertionConstruction.score(scoreDirector);
        undo.doMoveOnly(scoreDirector);
        scoreDirector.triggerVariableListeners();
        return score;
    }

    /**
     * The visits to leave out with {@code visit}: its crew and, again and again, the visits that follow one of them;
     * null when one of them may not be left out (started, pinned in place, or CRITICAL).
     */
    private static Set<Visit> evictionGroup(RoutePlan plan, Visit visit) {
        Set<Visit> group = new LinkedHashSet<>();
        List<Visit> todo = new ArrayList<>(List.of(visit));
        while (!todo.isEmpty()) {
            Visit member = todo.remove(todo.size() - 1);
            if (!group.add(member)) {
                continue;
            }
            if (member.getPriority() == Priority.CRITICAL || member.isStarted()
                    || member.getShift() != null && !movable(member)) {
                return null;
            }
            todo.addAll(member.getCrewMates());
            if (member.isFollowed()) {
                for (Visit other : plan.getVisits()) {
                    if (other.getPredecessors().contains(member)) {
                        todo.add(other);
                    }
                }
            }
        }
        return group;
    }

    /**
     * The visit inserted at {@code position} of {@code target} (taken out of its own route, another one, if it has
     * one), and the assigned visits of {@code out} left out.
     */
    private static RoutesMove evicting(Visit visit, Shift target, int position, Set<Visit> out) {
        List<Shift> shifts = new ArrayList<>(List.of(target));
        Shift source = visit.getShift();
        if (source != null) {
            shifts.add(source);
        }
        for (Visit member : out) {
            if (member.getShift() != null && !shifts.contains(member.getShift())) {
                shifts.add(member.getShift());
            }
        }
        List<List<Visit>> lists = new ArrayList<>();
        for (Shift shift : shifts) {
            List<Visit> list = new ArrayList<>(shift.getVisits());
            if (shift == source) {
                list.remove(visit);
            }
            if (shift == target) {
                list.add(position, visit);
            }
            list.removeIf(out::contains);
            lists.add(list);
        }
        List<Visit> unassigned = out.stream().filter(member -> member.getShift() != null).toList();
        return new RoutesMove("UrgentPolishEviction", shifts, lists, source == null ? List.of(visit) : List.of(),
                unassigned);
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
