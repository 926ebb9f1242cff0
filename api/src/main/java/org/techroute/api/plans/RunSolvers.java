package org.techroute.api.plans;

import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.monitoring.MonitoringConfig;
import ai.timefold.solver.core.config.solver.monitoring.SolverMetric;
import ai.timefold.solver.core.impl.solver.DefaultSolver;

import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.solve.Planner;
import org.techroute.solver.config.ParallelSearch;
import org.techroute.solver.config.TechrouteSolverConfig;
import org.techroute.solver.domain.RoutePlan;

/**
 * How a run's solver is made: the production configuration with Timefold's metrics, and with more than one
 * search thread a {@link ParallelSearch} of that many searches (threads {@code techroute-search-<plan>-<i>}).
 */
final class RunSolvers {

    /**
     * Timefold's own metrics of the service's runs ({@code timefold.solver.*} in Micrometer's global registry, which
     * Spring Boot's Prometheus registry joins): see docs/operations.md, "Metrics".
     */
    static final List<SolverMetric> METRICS = List.of(SolverMetric.SOLVE_DURATION, SolverMetric.ERROR_COUNT,
            SolverMetric.BEST_SCORE, SolverMetric.MOVE_EVALUATION_COUNT, SolverMetric.SCORE_CALCULATION_COUNT,
            SolverMetric.PROBLEM_ENTITY_COUNT, SolverMetric.PROBLEM_VALUE_COUNT);

    private RunSolvers() {
    }

    /** The configuration of a run of {@code mapped}: its options' settings, with the metrics. */
    static SolverConfig config(MappedProblem mapped) {
        return TechrouteSolverConfig.create(Planner.settings(mapped.problem().optionsOrDefaults()), mapped.plan())
                .withMonitoringConfig(new MonitoringConfig().withSolverMetricList(METRICS));
    }

    /**
     * A solver of {@code threads} searches. Each Timefold solver's metrics are tagged {@code problem.id} (the tag
     * Timefold's SolverManager gives them, so that runs at once keep apart): the plan id, and for search
     * {@code i > 0} the plan id and {@code #i}, since a solver removes the meters of its tags when it ends.
     */
    static Solver<RoutePlan> build(SolverFactory<RoutePlan> factory, SolverConfig config, String planId,
            int threads) {
        if (threads <= 1) {
            Solver<RoutePlan> built = factory.buildSolver();
            tag(built, planId);
            return built;
        }
        return new ParallelSearch(config, threads).withThreadNamePrefix("techroute-search-" + planId)
                .withCustomizer((solver, index) -> tag(solver, index == 0 ? planId : planId + "#" + index));
    }

    private static void tag(Solver<RoutePlan> solver, String problemId) {
        if (solver instanceof DefaultSolver<RoutePlan> tagged) {
            tagged.setMonitorTagMap(Map.of("problem.id", problemId));
        }
    }
}
