package org.techroute.solver.move;

import java.util.Iterator;
import java.util.Random;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

import org.techroute.solver.domain.RoutePlan;

/**
 * Random nearby moves of one {@link NearbyMoveGenerator.Kind} for the local search (random selection only). The
 * neighbour index is built when the phase starts, from the working solution.
 */
public abstract class NearbyMoveIteratorFactory implements MoveIteratorFactory<RoutePlan, Move<RoutePlan>> {

    /** How many nearest visits a visit may be moved next to, unless configured otherwise. */
    public static final int DEFAULT_NEAREST = 20;

    private final NearbyMoveGenerator.Kind kind;
    private int nearest = DEFAULT_NEAREST;
    private NearbyIndex index;

    protected NearbyMoveIteratorFactory(NearbyMoveGenerator.Kind kind) {
        this.kind = kind;
    }

    /** Custom property {@code nearest} of the move iterator factory's configuration. */
    public void setNearest(int nearest) {
        if (nearest < 1) {
            throw new IllegalArgumentException("nearest must be positive, got " + nearest);
        }
        this.nearest = nearest;
    }

    @Override
    public void phaseStarted(ScoreDirector<RoutePlan> scoreDirector) {
        index = NearbyIndex.of(scoreDirector.getWorkingSolution(), nearest);
    }

    @Override
    public void phaseEnded(ScoreDirector<RoutePlan> scoreDirector) {
        index = null;
    }

    @Override
    public long getSize(ScoreDirector<RoutePlan> scoreDirector) {
        return (long) scoreDirector.getWorkingSolution().getVisits().size() * nearest;
    }

    @Override
    public Iterator<Move<RoutePlan>> createOriginalMoveIterator(ScoreDirector<RoutePlan> scoreDirector) {
        throw new UnsupportedOperationException("nearby moves are for random selection only");
    }

    @Override
    public Iterator<Move<RoutePlan>> createRandomMoveIterator(ScoreDirector<RoutePlan> scoreDirector,
            Random workingRandom) {
        RoutePlan plan = scoreDirector.getWorkingSolution();
        if (index == null || !index.isFor(plan)) {
            index = NearbyIndex.of(plan, nearest);
        }
        NearbyMoveGenerator generator = new NearbyMoveGenerator(index, workingRandom);
        return RoutesMove.endless(() -> generator.next(kind, plan));
    }

    /** Segment relocation next to a nearby visit (also assigns unassigned visits). */
    public static final class Relocate extends NearbyMoveIteratorFactory {
        public Relocate() {
            super(NearbyMoveGenerator.Kind.RELOCATE);
        }
    }

    /** Swap / cross-exchange putting a visit next to a nearby one. */
    public static final class Swap extends NearbyMoveIteratorFactory {
        public Swap() {
            super(NearbyMoveGenerator.Kind.SWAP);
        }
    }

    /** 2-opt* between routes and 2-opt within a route, creating an edge to a nearby visit. */
    public static final class TwoOpt extends NearbyMoveIteratorFactory {
        public TwoOpt() {
            super(NearbyMoveGenerator.Kind.TWO_OPT);
        }
    }
}
