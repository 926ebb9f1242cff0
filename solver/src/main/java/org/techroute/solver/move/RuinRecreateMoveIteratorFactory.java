package org.techroute.solver.move;

import java.util.Iterator;
import java.util.Random;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

import org.techroute.solver.domain.RoutePlan;

/**
 * Random ruin-and-recreate moves with string removals ({@link StringRuin}) for the local search. Unlike Timefold's
 * own ruin-and-recreate, which runs a construction heuristic scored by the constraints for every move, the
 * re-insertion here uses a cheap O(1) insertion test per position and only the resulting move is scored.
 */
public final class RuinRecreateMoveIteratorFactory implements MoveIteratorFactory<RoutePlan, Move<RoutePlan>> {

    /** Nearest visits per visit: where strings are removed around a seed, and whose routes are tried first. */
    public static final int NEAREST = 60;

    private Recreate recreate;

    @Override
    public void phaseStarted(ScoreDirector<RoutePlan> scoreDirector) {
        recreate = build(scoreDirector.getWorkingSolution());
    }

    @Override
    public void phaseEnded(ScoreDirector<RoutePlan> scoreDirector) {
        recreate = null;
    }

    private static Recreate build(RoutePlan plan) {
        return new Recreate(plan, NearbyIndex.build(plan, NEAREST));
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
        }
        StringRuin ruin = new StringRuin(recreate, workingRandom);
        return RoutesMove.endless(ruin::next);
    }
}
