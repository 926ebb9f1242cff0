package org.techroute.solver.move;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Visit;

/**
 * Random moves for linked visits ({@link LinkedGroups}): a crew, or a visit that follows others, is taken out of its
 * routes and placed again as a whole ({@link Recreate#insertGroup}), each member on another technician, lined up on
 * the first member's start. Timefold's one-visit moves cannot bring a crew in or out (half a crew breaks a hard
 * constraint), nor move it to where all its members start together in one step. A share of the moves takes a
 * group out (all or none), to make room. Members that have started stay where they are.
 */
public final class LinkedRecreateMoveIteratorFactory implements MoveIteratorFactory<RoutePlan, Move<RoutePlan>> {

    /** Share of the moves that only take a group out of its routes. */
    static final double REMOVE_SHARE = 0.1;

    private Recreate recreate;
    private List<List<Visit>> groups;

    @Override
    public void phaseStarted(ScoreDirector<RoutePlan> scoreDirector) {
        build(scoreDirector.getWorkingSolution());
    }

    @Override
    public void phaseEnded(ScoreDirector<RoutePlan> scoreDirector) {
        recreate = null;
        groups = null;
    }

    private void build(RoutePlan plan) {
        recreate = new Recreate(plan, NearbyIndex.of(plan, RuinRecreateMoveIteratorFactory.NEAREST));
        groups = LinkedGroups.of(plan);
    }

    @Override
    public long getSize(ScoreDirector<RoutePlan> scoreDirector) {
        return Math.max(1, groups == null ? 1 : groups.size());
    }

    @Override
    public Iterator<Move<RoutePlan>> createOriginalMoveIterator(ScoreDirector<RoutePlan> scoreDirector) {
        throw new UnsupportedOperationException("linked-visit moves are for random selection only");
    }

    @Override
    public Iterator<Move<RoutePlan>> createRandomMoveIterator(ScoreDirector<RoutePlan> scoreDirector,
            Random workingRandom) {
        RoutePlan plan = scoreDirector.getWorkingSolution();
        if (recreate == null || !recreate.index().isFor(plan)) {
            build(plan);
        }
        Recreate forGroups = recreate;
        List<List<Visit>> all = groups;
        return RoutesMove.endless(() -> all.isEmpty() ? null
                : next(forGroups, all.get(workingRandom.nextInt(all.size())), workingRandom, false));
    }

    /**
     * A move that takes the group's members out of their routes (those not started or pinned), or null when none is
     * in a route.
     */
    static RoutesMove removal(Recreate recreate, List<Visit> group) {
        Recreate.Routes routes = recreate.newRoutes();
        for (Visit member : group) {
            InsertionRoute route = routes.routeOf(member);
            if (route != null && !member.isStarted() && route.visits.indexOf(member) >= route.pinnedCount()) {
                routes.removeVisit(route, member);
            }
        }
        return routes.toMove("LinkedRemove");
    }

    /**
     * A move for one group, or null when there is none (every member has started, or the group fits nowhere).
     * With {@code cheapest}, each member goes to its cheapest position (no random choice, no removal only).
     */
    static RoutesMove next(Recreate recreate, List<Visit> group, Random random, boolean cheapest) {
        Recreate.Routes routes = recreate.newRoutes();
        Set<String> busy = new HashSet<>();
        boolean anyAssigned = false;
        List<Visit> movable = new java.util.ArrayList<>();
        for (Visit member : group) {
            InsertionRoute route = routes.routeOf(member);
            if (route == null) {
                movable.add(member);
                continue;
            }
            anyAssigned = true;
            if (member.isStarted() || route.visits.indexOf(member) < route.pinnedCount()) {
                busy.add(route.shift.getTechnician().getId());
                continue;
            }
            routes.removeVisit(route, member);
            movable.add(member);
        }
        if (movable.isEmpty()) {
            return null;
        }
        if (!cheapest && anyAssigned && busy.isEmpty() && random.nextDouble() < REMOVE_SHARE) {
            return routes.toMove("LinkedRemove");
        }
        if (!recreate.insertGroup(routes, movable, busy, cheapest ? null : random)) {
            // it fits nowhere as a whole: half a crew in routes is worse than none
            return anyAssigned && !cheapest ? removal(recreate, group) : null;
        }
        return routes.toMove("LinkedRecreate");
    }
}
