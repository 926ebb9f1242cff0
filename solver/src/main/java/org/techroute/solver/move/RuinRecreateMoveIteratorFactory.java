package org.techroute.solver.move;

import java.util.Iterator;
import java.util.List;
import java.util.Random;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Visit;

/**
 * Random ruin-and-recreate moves with string removals ({@link StringRuin}) for the local search. Unlike Timefold's
 * own ruin-and-recreate, which runs a construction heuristic scored by the constraints for every move, the
 * re-insertion here uses a cheap O(1) insertion test per position and only the resulting move is scored. When the
 * problem has CRITICAL visits, a share of the moves brings one of them forward instead ({@link Recreate#moveSooner}).
 */
public final class RuinRecreateMoveIteratorFactory implements MoveIteratorFactory<RoutePlan, Move<RoutePlan>> {

    /** Nearest visits per visit: where strings are removed around a seed, and whose routes are tried first. */
    public static final int NEAREST = 60;

    /**
     * Share of the moves that bring a CRITICAL visit forward ({@link Recreate#moveSooner}) instead of a string
     * ruin, when the problem has CRITICAL visits not started (else every move is a string ruin).
     */
    static final double SOONER_SHARE = 0.25;

    private Recreate recreate;
    private List<Visit> urgent;

    @Override
    public void phaseStarted(ScoreDirector<RoutePlan> scoreDirector) {
        recreate = build(scoreDirector.getWorkingSolution());
        urgent = recreate.urgentVisits();
    }

    @Override
    public void phaseEnded(ScoreDirector<RoutePlan> scoreDirector) {
        recreate = null;
        urgent = null;
    }

    private static Recreate build(RoutePlan plan) {
        return new Recreate(plan, NearbyIndex.of(plan, NEAREST));
    }

    @Override
    public long getSize(ScoreDirector<RoutePlan> scoreDirector) {
        return scoreDirector.getWorkingSolution().getVisits().size();
    }

    @Override
    public Iterator<Move<RoutePlan>> createOriginalMoveIterator(ScoreDirector<RoutePlan> scoreDirector) {
        throw new UnsupportedOperationException("ruin-and-recreate moves are for random selection only");
    }

    @Override
    public Iterator<Move<RoutePlan>> createRandomMoveIterator(ScoreDirector<RoutePlan> scoreDirector,
            Random workingRandom) {
        RoutePlan plan = scoreDirector.getWorkingSolution();
        if (recreate == null || !recreate.index().isFor(plan)) {
            recreate = build(plan);
            urgent = recreate.urgentVisits();
        }
        StringRuin ruin = new StringRuin(recreate, workingRandom);
        if (urgent.isEmpty()) {
            return RoutesMove.endless(ruin::next);
        }
        Recreate forUrgent = recreate;
        List<Visit> urgentVisits = urgent;
        return RoutesMove.endless(() -> {
            if (workingRandom.nextDouble() >= SOONER_SHARE) {
                return ruin.next();
            }
            Recreate.Routes routes = forUrgent.newRoutes();
            Visit visit = urgentVisits.get(workingRandom.nextInt(urgentVisits.size()));
            return forUrgent.moveSooner(routes, visit, workingRandom) ? routes.toMove("CriticalSooner") : null;
        });
    }
}
