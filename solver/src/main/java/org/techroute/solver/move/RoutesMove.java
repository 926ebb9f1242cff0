package org.techroute.solver.move;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.move.NoChangeMove;

import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/**
 * A move that gives one or more shifts new visit lists, computed from the state in which the move was generated.
 * Only the changed stretch of each list is reported to the score director (common head and tail are kept), in
 * two passes so that a visit is never in two lists at once: first every changed stretch is removed, then the new
 * stretches are inserted. Visits that were unassigned and appear in a new list are reported as assigned, visits
 * that no new list keeps as unassigned.
 * <p>
 * The move is built for the solution state at generation time; Timefold's local search evaluates random moves
 * just in time, so that state is the current one when the move is done (the undo is recorded by Timefold).
 */
final class RoutesMove extends AbstractMove<RoutePlan> {

    private static final String VARIABLE = "visits";

    private final String type;
    private final Shift[] shifts;
    private final List<Visit>[] newLists;
    private final List<Visit> newlyAssigned;
    private final List<Visit> newlyUnassigned;

    RoutesMove(String type, List<Shift> shifts, List<List<Visit>> newLists, Visit newlyAssigned) {
        this(type, shifts, newLists, newlyAssigned == null ? List.of() : List.of(newlyAssigned), List.of());
    }

    /**
     * @param newlyAssigned   visits now unassigned that the new lists contain
     * @param newlyUnassigned visits now assigned that no new list contains (they must come from the given shifts)
     */
    @SuppressWarnings("unchecked")
    RoutesMove(String type, List<Shift> shifts, List<List<Visit>> newLists, List<Visit> newlyAssigned,
            List<Visit> newlyUnassigned) {
        this.type = type;
        this.shifts = shifts.toArray(Shift[]::new);
        this.newLists = newLists.toArray(List[]::new);
        this.newlyAssigned = List.copyOf(newlyAssigned);
        this.newlyUnassigned = List.copyOf(newlyUnassigned);
    }

    /**
     * The endless random move iterator of a move factory: each {@code next()} asks {@code moves} for a move and
     * gives a no-change move when it found none.
     */
    static Iterator<Move<RoutePlan>> endless(Supplier<RoutesMove> moves) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Move<RoutePlan> next() {
                RoutesMove move = moves.get();
                return move != null ? move : NoChangeMove.<RoutePlan> getInstance();
            }
        };
    }

    /**
     * The move that takes this one back, built before this one is done: the shifts' current lists, and what this one
     * assigns unassigned again (and the reverse).
     */
    RoutesMove undo() {
        List<Shift> shiftList = Arrays.asList(shifts);
        List<List<Visit>> current = new ArrayList<>();
        for (Shift shift : shifts) {
            current.add(new ArrayList<>(shift.getVisits()));
        }
        return new RoutesMove(type + "Undo", shiftList, current, newlyUnassigned, newlyAssigned);
    }

    int shiftCount() {
        return shifts.length;
    }

    Shift shift(int index) {
        return shifts[index];
    }

    List<Visit> newList(int index) {
        return newLists[index];
    }

    boolean touches(Shift shift) {
        return Arrays.asList(shifts).contains(shift);
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<RoutePlan> scoreDirector) {
        for (int s = 0; s < shifts.length; s++) {
            if (!shifts[s].getVisits().equals(newLists[s])) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<RoutePlan> scoreDirector) {
        int count = shifts.length;
        int[] from = new int[count];
        int[] oldTo = new int[count];
        int[] newTo = new int[count];
        for (int s = 0; s < count; s++) {
            List<Visit> current = shifts[s].getVisits();
            List<Visit> target = newLists[s];
            int head = 0;
            int max = Math.min(current.size(), target.size());
            while (head < max && current.get(head) == target.get(head)) {
                head++;
            }
            int tail = 0;
            while (tail < max - head
                    && current.get(current.size() - 1 - tail) == target.get(target.size() - 1 - tail)) {
                tail++;
            }
            from[s] = head;
            oldTo[s] = current.size() - tail;
            newTo[s] = target.size() - tail;
        }
        for (Visit visit : newlyAssigned) {
            scoreDirector.beforeListVariableElementAssigned(shifts[0], VARIABLE, visit);
        }
        for (Visit visit : newlyUnassigned) {
            scoreDirector.beforeListVariableElementUnassigned(shifts[0], VARIABLE, visit);
        }
        for (int s = 0; s < count; s++) {
            if (oldTo[s] > from[s]) {
                scoreDirector.beforeListVariableChanged(shifts[s], VARIABLE, from[s], oldTo[s]);
                shifts[s].getVisits().subList(from[s], oldTo[s]).clear();
                scoreDirector.afterListVariableChanged(shifts[s], VARIABLE, from[s], from[s]);
            }
        }
        for (int s = 0; s < count; s++) {
            if (newTo[s] > from[s]) {
                scoreDirector.beforeListVariableChanged(shifts[s], VARIABLE, from[s], from[s]);
                shifts[s].getVisits().addAll(from[s], newLists[s].subList(from[s], newTo[s]));
                scoreDirector.afterListVariableChanged(shifts[s], VARIABLE, from[s], newTo[s]);
            }
        }
        for (Visit visit : newlyUnassigned) {
            scoreDirector.afterListVariableElementUnassigned(shifts[0], VARIABLE, visit);
        }
        for (Visit visit : newlyAssigned) {
            scoreDirector.afterListVariableElementAssigned(shifts[0], VARIABLE, visit);
        }
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return Arrays.asList(shifts);
    }

    @Override
    public Collection<?> getPlanningValues() {
        Set<Visit> values = new LinkedHashSet<>();
        for (List<Visit> list : newLists) {
            values.addAll(list);
        }
        return new ArrayList<>(values);
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return type;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(type).append('{');
        for (int s = 0; s < shifts.length; s++) {
            text.append(s == 0 ? "" : ", ").append(shifts[s].getId()).append("->").append(newLists[s]);
        }
        return text.append('}').toString();
    }
}
