package org.techroute.solver.config;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.event.BestSolutionChangedEvent;
import ai.timefold.solver.core.api.solver.event.SolverEventListener;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import ai.timefold.solver.core.impl.phase.scope.AbstractPhaseScope;
import ai.timefold.solver.core.impl.solver.AbstractSolver;
import ai.timefold.solver.core.impl.solver.scope.SolverScope;

import org.techroute.solver.domain.RoutePlan;

/**
 * Passes on a solver's best solutions only once its plan is built. Timefold announces its starting solution as a
 * best solution when solving starts and again after every problem change, before the construction has placed
 * anything: after a change that adds an emergency, that "best" has the emergency unassigned. A dispatcher waiting
 * for the first plan after the change must get the plan with the emergency placed (or found not to fit).
 * <p>
 * Best solutions announced before the phases that build the plan (those before the local search in
 * {@link TechrouteSolverConfig#create}) have ended are held back; when the last of them ends, the solver's best
 * solution is passed on, whether or not it changed during the construction. After a problem change the same holds
 * again. When solving ends before the construction did (a stop, a limit), the held best is passed on then.
 * Everything runs on the solver's thread.
 */
public final class ConstructedBests extends PhaseLifecycleListenerAdapter<RoutePlan> {

    private final Solver<RoutePlan> solver;
    private final int lastBuildingPhase;
    private final SolverEventListener<RoutePlan> listener;
    /** Until the plan of the current solving round is built. */
    private boolean building = true;
    /** A best solution announced while building, not passed on yet. */
    private BestSolutionChangedEvent<RoutePlan> held;

    private ConstructedBests(Solver<RoutePlan> solver, int lastBuildingPhase, SolverEventListener<RoutePlan> listener) {
        this.solver = solver;
        this.lastBuildingPhase = lastBuildingPhase;
        this.listener = listener;
    }

    /**
     * Adds {@code listener} to {@code solver} (a Timefold solver of {@code config}), passing on only best solutions
     * of built plans. A configuration without a local search phase has every best passed on at once.
     */
    public static void listen(Solver<RoutePlan> solver, SolverConfig config, SolverEventListener<RoutePlan> listener) {
        int localSearch = TechrouteSolverConfig.localSearchIndexOrNone(config);
        if (localSearch <= 0 || !(solver instanceof AbstractSolver<RoutePlan> timefold)) {
            solver.addEventListener(listener);
            return;
        }
        ConstructedBests filter = new ConstructedBests(solver, localSearch - 1, listener);
        timefold.addPhaseLifecycleListener(filter);
        solver.addEventListener(filter::bestSolutionChanged);
    }

    private void bestSolutionChanged(BestSolutionChangedEvent<RoutePlan> event) {
        if (building) {
            held = event;
            return;
        }
        listener.bestSolutionChanged(event);
    }

    @Override
    public void phaseEnded(AbstractPhaseScope<RoutePlan> phaseScope) {
        if (building && phaseScope.getPhaseIndex() >= lastBuildingPhase) {
            building = false;
            held = null;
            SolverScope<RoutePlan> scope = phaseScope.getSolverScope();
            RoutePlan best = scope.getBestSolution();
            listener.bestSolutionChanged(new BestSolutionChangedEvent<>(solver, scope.calculateTimeMillisSpentUpToNow(),
                    best, (HardMediumSoftLongScore) best.getScore(), scope.isBestSolutionInitialized()));
        }
    }

    @Override
    public void solvingEnded(SolverScope<RoutePlan> solverScope) {
        if (held != null) {
            BestSolutionChangedEvent<RoutePlan> event = held;
            held = null;
            listener.bestSolutionChanged(event);
        }
        // a problem change may follow: its starting solution is announced before the next round builds its plan
        building = true;
    }
}
