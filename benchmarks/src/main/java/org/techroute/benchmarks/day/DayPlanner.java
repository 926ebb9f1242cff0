package org.techroute.benchmarks.day;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.solver.DefaultSolver;

import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.model.Problem;
import org.techroute.data.solve.Planner;
import org.techroute.solver.config.SolveSettings;
import org.techroute.solver.config.TechrouteSolverConfig;
import org.techroute.solver.domain.RoutePlan;

/**
 * Solves a day's plan the way {@link Planner#solve} does (same validation and mapping, the production solver
 * configuration with every default constraint, the same plan document), with one addition for determinism and
 * speed: besides the problem's step limit, the solve stops after {@code movesPerStep} evaluated moves per step
 * of the limit. Timefold's local search takes a step only when a move is accepted; on a small day at a local
 * optimum with no move of equal or better score, a step never comes and a step-limited solve would run until
 * its wall-clock limit. Such a solve is counted as stalled.
 */
final class DayPlanner {

    /** Evaluated moves allowed per step of the step limit before a solve counts as stalled. */
    static final long MOVES_PER_STEP = 200;

    private final Planner planner;
    private long solves;
    private long stalls;

    DayPlanner(Planner planner) {
        this.planner = planner;
    }

    Problem solve(Problem problem) {
        MappedProblem mapped = planner.prepare(problem);
        SolveSettings settings = Planner.settings(mapped.problem().optionsOrDefaults());
        // as the service: with the moves for crews and dependent visits when the day has them
        SolverConfig config = TechrouteSolverConfig.create(settings, mapped.plan());
        long moveLimit = settings.stepCountLimit() == null ? Long.MAX_VALUE
                : Math.max(10_000, settings.stepCountLimit() * MOVES_PER_STEP);
        // on the local search phase, not the solver: the solve's last phase (UrgentPolish) still runs after it
        LocalSearchPhaseConfig localSearch = TechrouteSolverConfig.localSearchOf(config);
        TerminationConfig termination = localSearch.getTerminationConfig() == null ? new TerminationConfig()
                : localSearch.getTerminationConfig();
        Long current = termination.getMoveCountLimit();
        termination.setMoveCountLimit(current == null ? moveLimit : Math.min(current, moveLimit));
        localSearch.setTerminationConfig(termination);
        SolverFactory<RoutePlan> factory = SolverFactory.create(config);
        DefaultSolver<RoutePlan> solver = (DefaultSolver<RoutePlan>) factory.buildSolver();
        RoutePlan solved = solver.solve(mapped.plan());
        solves++;
        if (solver.getMoveEvaluationCount() >= moveLimit) {
            stalls++;
        }
        return Planner.describe(mapped, solved, factory);
    }

    /** Solves so far. */
    long solves() {
        return solves;
    }

    /** Solves that ended on the move limit before their step limit. */
    long stalls() {
        return stalls;
    }
}
