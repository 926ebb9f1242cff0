package org.techroute.solver.move;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/**
 * Builds random moves that put a visit next to one of its nearest visits (see {@link NearbyIndex}), in the same
 * or another route. Every move respects pinned visits (nothing moves or is inserted before a shift's
 * {@code pinnedVisitCount}) and is evaluated by the normal score (skills, breaks, windows...): the moves only
 * choose what to try, they never assume a problem shape.
 */
final class NearbyMoveGenerator {

    /** Tries before giving up on one move (e.g. when most visits are pinned). */
    private static final int ATTEMPTS = 50;
    static final int MAX_SEGMENT = 3;

    enum Kind {
        /** Moves a segment of 1-3 visits (maybe reversed) next to a nearby visit; assigns an unassigned visit. */
        RELOCATE,
        /** Exchanges segments of 1-3 visits so that one lands next to a nearby visit (cross-exchange). */
        SWAP,
        /** Creates the edge visit -> nearby visit: tails exchange between routes (2-opt*), reversal within one. */
        TWO_OPT
    }

    private final NearbyIndex index;
    private final Random random;

    NearbyMoveGenerator(NearbyIndex index, Random random) {
        this.index = index;
        this.random = random;
    }

    /** A move of the kind, or null when none was found in a few tries. */
    RoutesMove next(Kind kind, RoutePlan plan) {
        if (index.size() < 2) {
            return null;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int v = random.nextInt(index.size());
            int[] nearest = index.nearest(v);
            if (nearest.length == 0) {
                return null;
            }
            Visit visit = index.visit(v);
            Visit near = index.visit(nearest[random.nextInt(nearest.length)]);
            RoutesMove move = switch (kind) {
                case RELOCATE -> relocate(visit, near, plan);
                case SWAP -> swap(visit, near);
                case TWO_OPT -> twoOpt(visit, near);
            };
            if (move != null) {
                return move;
            }
        }
        return null;
    }

    private RoutesMove relocate(Visit visit, Visit near, RoutePlan plan) {
        Shift target = near.getShift();
        Shift emptyTarget = null;
        if (random.nextInt(20) == 0) {
            emptyTarget = randomEmptyShift(plan);
        }
        if (target == null && emptyTarget == null) {
            return null;
        }
        Shift source = visit.getShift();
        if (source == null) {
            // Assign an unassigned visit next to its neighbour (or into an empty shift).
            Shift destination = emptyTarget != null ? emptyTarget : target;
            List<Visit> list = new ArrayList<>(destination.getVisits());
            int position = emptyTarget != null ? 0 : list.indexOf(near) + random.nextInt(2);
            if (position < destination.getPinnedVisitCount()) {
                return null;
            }
            list.add(position, visit);
            return new RoutesMove("NearbyAssign", List.of(destination), List.of(list), visit);
        }
        List<Visit> sourceList = source.getVisits();
        int start = sourceList.indexOf(visit);
        if (start < source.getPinnedVisitCount()) {
            return null;
        }
        int length = 1 + random.nextInt(Math.min(MAX_SEGMENT, sourceList.size() - start));
        List<Visit> segment = new ArrayList<>(sourceList.subList(start, start + length));
        if (emptyTarget == null && segment.contains(near)) {
            return null;
        }
        if (length > 1 && random.nextBoolean()) {
            Collections.reverse(segment);
        }
        if (emptyTarget != null) {
            List<Visit> newSource = new ArrayList<>(sourceList);
            newSource.subList(start, start + length).clear();
            return new RoutesMove("NearbyRelocate", List.of(source, emptyTarget),
                    List.of(newSource, segment), null);
        }
        boolean after = random.nextBoolean();
        if (target == source) {
            List<Visit> list = new ArrayList<>(sourceList);
            list.subList(start, start + length).clear();
            int position = list.indexOf(near) + (after ? 1 : 0);
            if (position < source.getPinnedVisitCount()) {
                return null;
            }
            list.addAll(position, segment);
            return new RoutesMove("NearbyRelocate", List.of(source), List.of(list), null);
        }
        List<Visit> newSource = new ArrayList<>(sourceList);
        newSource.subList(start, start + length).clear();
        List<Visit> newTarget = new ArrayList<>(target.getVisits());
        int position = newTarget.indexOf(near) + (after ? 1 : 0);
        if (position < target.getPinnedVisitCount()) {
            return null;
        }
        newTarget.addAll(position, segment);
        return new RoutesMove("NearbyRelocate", List.of(source, target), List.of(newSource, newTarget), null);
    }

    private RoutesMove swap(Visit visit, Visit near) {
        // Put visit next to near by exchanging it with near's predecessor or successor.
        Visit other = random.nextBoolean() ? near.getPreviousVisit() : near.getNextVisit();
        Shift a = visit.getShift();
        if (other == null || other == visit || a == null) {
            return null;
        }
        Shift b = other.getShift();
        List<Visit> listA = a.getVisits();
        int i = listA.indexOf(visit);
        if (i < a.getPinnedVisitCount()) {
            return null;
        }
        if (a == b) {
            int j = listA.indexOf(other);
            if (j < a.getPinnedVisitCount()) {
                return null;
            }
            List<Visit> list = new ArrayList<>(listA);
            Collections.swap(list, i, j);
            return new RoutesMove("NearbySwap", List.of(a), List.of(list), null);
        }
        List<Visit> listB = b.getVisits();
        int j = listB.indexOf(other);
        if (j < b.getPinnedVisitCount()) {
            return null;
        }
        // Cross-exchange: segments of 1..3 starting at visit and at other.
        int lengthA = 1 + random.nextInt(Math.min(MAX_SEGMENT, listA.size() - i));
        int lengthB = 1 + random.nextInt(Math.min(MAX_SEGMENT, listB.size() - j));
        List<Visit> segmentA = new ArrayList<>(listA.subList(i, i + lengthA));
        List<Visit> segmentB = new ArrayList<>(listB.subList(j, j + lengthB));
        List<Visit> newA = new ArrayList<>(listA.subList(0, i));
        newA.addAll(segmentB);
        newA.addAll(listA.subList(i + lengthA, listA.size()));
        List<Visit> newB = new ArrayList<>(listB.subList(0, j));
        newB.addAll(segmentA);
        newB.addAll(listB.subList(j + lengthB, listB.size()));
        return new RoutesMove("NearbySwap", List.of(a, b), List.of(newA, newB), null);
    }

    private RoutesMove twoOpt(Visit visit, Visit near) {
        Shift a = visit.getShift();
        Shift b = near.getShift();
        if (a == null || b == null) {
            return null;
        }
        List<Visit> listA = a.getVisits();
        List<Visit> listB = b.getVisits();
        int i = listA.indexOf(visit);
        int j = listB.indexOf(near);
        if (a == b) {
            // Reverse the stretch between them so that they become adjacent.
            int from = Math.min(i, j) + 1;
            int to = Math.max(i, j); // inclusive
            if (i > j) {
                from = j;
                to = i - 1;
            }
            if (to - from < 1 || from < a.getPinnedVisitCount()) {
                return null;
            }
            List<Visit> list = new ArrayList<>(listA);
            Collections.reverse(list.subList(from, to + 1));
            return new RoutesMove("Nearby2Opt", List.of(a), List.of(list), null);
        }
        // 2-opt*: visit's route continues with near and the rest of near's route, and vice versa.
        if (i + 1 < a.getPinnedVisitCount() || j < b.getPinnedVisitCount()) {
            return null;
        }
        List<Visit> newA = new ArrayList<>(listA.subList(0, i + 1));
        newA.addAll(listB.subList(j, listB.size()));
        List<Visit> newB = new ArrayList<>(listB.subList(0, j));
        newB.addAll(listA.subList(i + 1, listA.size()));
        return new RoutesMove("Nearby2OptStar", List.of(a, b), List.of(newA, newB), null);
    }

    private Shift randomEmptyShift(RoutePlan plan) {
        List<Shift> shifts = plan.getShifts();
        int offset = random.nextInt(shifts.size());
        for (int s = 0; s < shifts.size(); s++) {
            Shift shift = shifts.get((offset + s) % shifts.size());
            if (shift.getVisits().isEmpty()) {
                return shift;
            }
        }
        return null;
    }
}
