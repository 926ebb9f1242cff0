package org.techroute.solver.config;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.score.director.ScoreDirectorFactoryConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.move.InsertionConstruction;
import org.techroute.solver.move.LinkedRecreateMoveIteratorFactory;
import org.techroute.solver.move.NearbyMoveIteratorFactory;
import org.techroute.solver.move.RuinRecreateMoveIteratorFactory;
import org.techroute.solver.move.UrgentPolish;
import org.techroute.solver.score.TechrouteConstraintProvider;

/**
 * The solver configuration techroute uses everywhere (command line, service, benchmarks), built in code so
 * that the settings of one solve (time limit, seed, step limit) are explicit.
 */
public final class TechrouteSolverConfig {

    private TechrouteSolverConfig() {
    }

    /** Late acceptance history; 100 beat Timefold's default 400 on Solomon instances (benchmarks/RESULTS.md). */
    public static final int LATE_ACCEPTANCE_SIZE = 100;

    /**
     * Selection weight of the string ruin-and-recreate move in the union (the other moves weigh 9 together); 3 beat
     * 1 on Gehring-Homberger 1000-customer instances (benchmarks/RESULTS.md).
     */
    public static final double RUIN_RECREATE_WEIGHT = 3.0;

    /**
     * The local search: late acceptance over Timefold's generic list moves plus techroute's nearby moves (a visit
     * moved next to one of its nearest visits; Community edition has no nearby selection) and string
     * ruin-and-recreate (strings removed from a few routes around a visit, re-inserted by cheapest insertion).
     */
    public static LocalSearchPhaseConfig localSearch() {
        return localSearch(false);
    }

    /** Selection weight of the moves for crews and dependent visits, when the problem has them. */
    public static final double LINKED_WEIGHT = 2.0;

    /**
     * {@link #localSearch()}, with {@code linkedVisits} also the moves that place a crew or a visit that follows
     * others as a whole ({@link LinkedRecreateMoveIteratorFactory}). Only then: another selector in the union would
     * change the random choices, and so the plans of a fixed seed, of problems without them.
     */
    public static LocalSearchPhaseConfig localSearch(boolean linkedVisits) {
        LocalSearchPhaseConfig phase = plainLocalSearch();
        if (linkedVisits) {
            UnionMoveSelectorConfig union = (UnionMoveSelectorConfig) phase.getMoveSelectorConfig();
            List<MoveSelectorConfig> selectors = new ArrayList<>(union.getMoveSelectorList());
            selectors.add(weighted(new MoveIteratorFactoryConfig()
                    .withMoveIteratorFactoryClass(LinkedRecreateMoveIteratorFactory.class), LINKED_WEIGHT));
            union.setMoveSelectorList(selectors);
        }
        return phase;
    }

    /**
     * The acceptance of a local search step: late acceptance (history {@link #LATE_ACCEPTANCE_SIZE}), and never a hard
     * or medium score worse than the step before. Late acceptance alone compares whole scores with the score of 100
     * steps ago: once a step 100 back had a worse medium score (a visit more left out, an emergency served later), any
     * move back to that medium score is accepted, however little it saves in travel, and the search drifts there. On
     * a 10,000-visit day it then spent 80 of 120 seconds trading visits for travel without a new best
     * (benchmarks/RESULTS.md). The second condition is Timefold's simulated annealing with a zero hard and medium
     * temperature (a worse hard or medium level is never accepted) and an unbounded soft one (any soft change is);
     * a move must pass both.
     */
    public static LocalSearchAcceptorConfig acceptor() {
        return acceptor(LATE_ACCEPTANCE_SIZE);
    }

    /** {@link #acceptor()} with another late acceptance history (configuration comparisons). */
    public static LocalSearchAcceptorConfig acceptor(int lateAcceptanceSize) {
        return new LocalSearchAcceptorConfig()
                .withLateAcceptanceSize(lateAcceptanceSize)
                .withSimulatedAnnealingStartingTemperature(NO_WORSE_HARD_OR_MEDIUM);
    }

    /** Simulated annealing temperature that only forbids a worse hard or medium level (see {@link #acceptor()}). */
    private static final String NO_WORSE_HARD_OR_MEDIUM = "0hard/0medium/" + Long.MAX_VALUE + "soft";

    private static LocalSearchPhaseConfig plainLocalSearch() {
        return new LocalSearchPhaseConfig()
                .withAcceptorConfig(acceptor())
                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(
                        weighted(new ListChangeMoveSelectorConfig(), 1.0),
                        weighted(new ListSwapMoveSelectorConfig(), 1.0),
                        weighted(nearby(NearbyMoveIteratorFactory.Relocate.class), 3.0),
                        weighted(nearby(NearbyMoveIteratorFactory.Swap.class), 2.0),
                        weighted(nearby(NearbyMoveIteratorFactory.TwoOpt.class), 2.0),
                        weighted(new MoveIteratorFactoryConfig()
                                .withMoveIteratorFactoryClass(RuinRecreateMoveIteratorFactory.class),
                                RUIN_RECREATE_WEIGHT)));
    }

    /**
     * {@link #create} without the insertion construction, for Timefold's assignment recommendations
     * ({@code SolutionManager.recommendAssignment}), which need a construction heuristic as the first phase.
     */
    public static SolverConfig forRecommendations(SolveSettings settings) {
        SolverConfig config = create(settings);
        List<PhaseConfig> phases = new ArrayList<>(config.getPhaseConfigList());
        phases.removeIf(phase -> phase instanceof CustomPhaseConfig);
        phases.add(0, new ConstructionHeuristicPhaseConfig());
        config.setPhaseConfigList(phases);
        return config;
    }

    private static MoveIteratorFactoryConfig nearby(Class<? extends NearbyMoveIteratorFactory> factory) {
        return new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(factory);
    }

    /** The local search phase of a configuration made by {@link #create}, to change its limits or moves. */
    public static LocalSearchPhaseConfig localSearchOf(SolverConfig config) {
        return (LocalSearchPhaseConfig) config.getPhaseConfigList().get(localSearchIndex(config));
    }

    /** A configuration made by {@link #create} with its local search phase replaced (limits included). */
    public static SolverConfig withLocalSearch(SolverConfig config, LocalSearchPhaseConfig localSearch) {
        List<PhaseConfig> phases = new ArrayList<>(config.getPhaseConfigList());
        phases.set(localSearchIndex(config), localSearch);
        config.setPhaseConfigList(phases);
        return config;
    }

    private static int localSearchIndex(SolverConfig config) {
        int index = localSearchIndexOrNone(config);
        if (index < 0) {
            throw new IllegalArgumentException("no local search phase");
        }
        return index;
    }

    /** The index of the first local search phase of {@code config}, or -1 when it has none. */
    static int localSearchIndexOrNone(SolverConfig config) {
        List<PhaseConfig> phases = config.getPhaseConfigList();
        for (int i = 0; phases != null && i < phases.size(); i++) {
            if (phases.get(i) instanceof LocalSearchPhaseConfig) {
                return i;
            }
        }
        return -1;
    }

    /** Relative probability of a move selector in the union (the nearby moves are picked more often). */
    private static MoveSelectorConfig<?> weighted(MoveSelectorConfig<?> selector, double weight) {
        selector.setFixedProbabilityWeight(weight);
        return selector;
    }

    /** With a step limit, the local search also ends after this many evaluated moves per step allowed... */
    static final long MOVES_PER_STEP = 1_000;
    /** ...and never fewer than these. */
    static final long MIN_MOVES_PER_STEP_LIMIT = 100_000;

    /**
     * Phases: {@link InsertionConstruction} (cheapest insertion of every unassigned visit, each confirmed by a replay
     * of its route), {@link UrgentPolish} (each CRITICAL visit to its best position by the full score), then
     * {@link #localSearch()} until the time or step limit, then, with a step limit, {@link UrgentPolish} again. No construction heuristic:
     * what the insertion could not place fits nowhere without breaking a hard constraint, and Timefold's construction
     * heuristic would spend a score calculation on every position of every such visit to find that out.
     * <p>
     * The last pass is there only with a step limit, the local search's own limit; a time limit or a stop ends the
     * whole solve, and the local search has then had the time to find such moves.
     */
    public static SolverConfig create(SolveSettings settings) {
        return create(settings, false);
    }

    /** {@link #create(SolveSettings)} for a problem: with the moves for crews and dependent visits if it has them. */
    public static SolverConfig create(SolveSettings settings, RoutePlan problem) {
        return create(settings, problem.getVisits().stream().anyMatch(Visit::isLinked));
    }

    public static SolverConfig create(SolveSettings settings, boolean linkedVisits) {
        List<PhaseConfig> phases = new ArrayList<>();
        phases.add(new CustomPhaseConfig().withCustomPhaseCommands(new InsertionConstruction()));
        phases.add(new CustomPhaseConfig().withCustomPhaseCommands(new UrgentPolish()));
        LocalSearchPhaseConfig localSearch = localSearch(linkedVisits);
        if (settings.stepCountLimit() != null) {
            // A step ends when late acceptance accepts a move. At a local optimum it may accept none, and that step
            // would run to the time limit: a cap on the moves evaluated ends it too, still deterministically.
            long steps = settings.stepCountLimit();
            TerminationConfig termination = new TerminationConfig().withStepCountLimit((int) steps);
            termination.setMoveCountLimit(Math.max(MIN_MOVES_PER_STEP_LIMIT, steps * MOVES_PER_STEP));
            localSearch.setTerminationConfig(termination);
        }
        phases.add(localSearch);
        if (settings.stepCountLimit() != null) {
            // only then can the local search end before the solve does (Timefold refuses an unreachable phase)
            phases.add(new CustomPhaseConfig().withCustomPhaseCommands(new UrgentPolish()));
        }
        return new SolverConfig()
                .withSolutionClass(RoutePlan.class)
                .withEntityClasses(Shift.class, Visit.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(TechrouteConstraintProvider.class))
                .withEnvironmentMode(settings.environmentMode())
                .withRandomSeed(settings.randomSeed())
                .withTerminationConfig(new TerminationConfig().withSpentLimit(settings.timeLimit()))
                .withPhases(phases.toArray(PhaseConfig[]::new));
    }
}
