package org.techroute.data.solve;

import java.time.Duration;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;

import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Options;
import org.techroute.data.model.Problem;
import org.techroute.data.plan.PlanBuilder;
import org.techroute.solver.config.ParallelSearch;
import org.techroute.solver.config.SolveSettings;
import org.techroute.solver.config.TechrouteSolverConfig;
import org.techroute.solver.domain.RoutePlan;

/**
 * Solves a problem document into a plan document: validate and map, build the travel matrix, run the solver
 * for the problem's time limit, and describe the result. No I/O beyond what the matrix source does.
 */
public final class Planner {

    private final ProblemMapper mapper;

    public Planner(ProblemMapper mapper) {
        this.mapper = mapper;
    }

    /** A planner for quick queries on a plan, not for solving: see {@link ProblemMapper#forQueries()}. */
    public Planner forQueries() {
        return new Planner(mapper.forQueries());
    }

    /** Validates the problem and builds its planning model and matrix; throws on invalid input. */
    public MappedProblem prepare(Problem problem) {
        return mapper.map(problem);
    }

    public static SolveSettings settings(Options options) {
        return SolveSettings.of(options.effectiveTimeLimit())
                .withRandomSeed(options.effectiveRandomSeed())
                .withStepCountLimit(options.stepLimit())
                .withSearchThreads(options.effectiveSearchThreads());
    }

    /**
     * The solver of one solve: Timefold's own with one search thread (exactly the plans of before), else a
     * {@link ParallelSearch} of that many searches.
     */
    public static Solver<RoutePlan> buildSolver(SolverFactory<RoutePlan> factory, SolverConfig config,
            SolveSettings settings) {
        return settings.searchThreads() == 1 ? factory.buildSolver()
                : new ParallelSearch(config, settings.searchThreads());
    }

    public static SolverFactory<RoutePlan> solverFactory(SolveSettings settings) {
        return SolverFactory.create(TechrouteSolverConfig.create(settings));
    }

    /** A solver factory for this problem: with the moves for crews and dependent visits when it has them. */
    public static SolverFactory<RoutePlan> solverFactory(SolveSettings settings, RoutePlan problem) {
        return SolverFactory.create(TechrouteSolverConfig.create(settings, problem));
    }

    /** A solver factory whose first phase is a construction heuristic, as assignment recommendations need. */
    public static SolverFactory<RoutePlan> recommendationFactory(SolveSettings settings) {
        return SolverFactory.create(TechrouteSolverConfig.forRecommendations(settings));
    }

    /** Solves a prepared problem, reporting every new best score; returns the plan document. */
    public Problem solve(MappedProblem mapped, Consumer<Progress> progress) {
        SolveSettings settings = settings(mapped.problem().optionsOrDefaults());
        SolverConfig config = TechrouteSolverConfig.create(settings, mapped.plan());
        SolverFactory<RoutePlan> factory = SolverFactory.create(config);
        Solver<RoutePlan> solver = buildSolver(factory, config, settings);
        long started = System.nanoTime();
        solver.addEventListener(event -> {
            HardMediumSoftLongScore score = (HardMediumSoftLongScore) event.getNewBestScore();
            progress.accept(new Progress(score.toString(), score.isFeasible(),
                    Duration.ofNanos(System.nanoTime() - started)));
        });
        RoutePlan solved = solver.solve(mapped.plan());
        return describe(mapped, solved, factory);
    }

    /** The plan document for a planning model as it stands (solved or not), with its score analysis. */
    public static Problem describe(MappedProblem mapped, RoutePlan plan, SolverFactory<RoutePlan> factory) {
        SolutionManager<RoutePlan, HardMediumSoftLongScore> solutionManager = SolutionManager.create(factory);
        ScoreAnalysis<HardMediumSoftLongScore> analysis = solutionManager.analyze(plan);
        return mapped.problem().withSolution(PlanBuilder.build(mapped, plan, analysis));
    }

    /** Validates, solves and describes in one call. */
    public Problem solve(Problem problem, Consumer<Progress> progress) {
        return solve(prepare(problem), progress);
    }
}
