package org.techroute.data.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import ai.timefold.solver.core.api.solver.Solver;
import org.junit.jupiter.api.Test;

import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Problem;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.solver.config.SolveSettings;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/** An emergency goes into a solver that is running, through a problem change, without restarting it. */
class LiveProblemChangeTest {

    @Test
    void anEmergencyEntersARunningSolverAndStartedVisitsStay() throws Exception {
        ProblemMapper mapper = new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads());
        Problem plan = solveOnce(mapper); // its own plan: no state shared with another test class
        MappedProblem running = mapper.map(plan);
        Solver<RoutePlan> solver = Planner.solverFactory(SolveSettings.of(Duration.ofMinutes(2)).withEnvironmentMode(ai.timefold.solver.core.config.solver.EnvironmentMode.TRACKED_FULL_ASSERT)).buildSolver();
        AtomicReference<RoutePlan> latest = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch emergencyPlaced = new CountDownLatch(1);
        solver.addEventListener(event -> {
            latest.set(event.getNewBestSolution());
            started.countDown();
            if (event.getNewBestSolution().getVisits().stream()
                    .anyMatch(v -> v.getId().equals("emergency") && v.getShift() != null)) {
                emergencyPlaced.countDown();
            }
        });
        CompletableFuture<RoutePlan> solving = CompletableFuture.supplyAsync(() -> solver.solve(running.plan()));
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();

        Problem changed = ChangeApplier.apply(plan, new PlanChangeRequest(ChangeApplierTest.TEN_THIRTY,
                List.of(new PlanChange.AddVisit(ChangeApplierTest.emergency("emergency")))));
        MappedProblem target = mapper.map(changed);
        List<String> pinnedBefore = target.plan().getShifts().stream()
                .flatMap(s -> s.getVisits().subList(0, s.getPinnedVisitCount()).stream()).map(Visit::getId)
                .toList();
        solver.addProblemChange(new LiveProblemChange(target));

        boolean placed = emergencyPlaced.await(60, TimeUnit.SECONDS);
        solver.terminateEarly();
        RoutePlan best = solving.get(60, TimeUnit.SECONDS);
        assertThat(placed).as("the emergency was assigned while solving").isTrue();
        assertThat(solver.isSolving()).isFalse();
        assertThat(best.getScore().isFeasible()).isTrue();
        assertThat(pinnedBefore).isNotEmpty();
        for (Shift shift : best.getShifts()) {
            for (int i = 0; i < shift.getPinnedVisitCount(); i++) {
                assertThat(shift.getVisits().get(i).isStarted()).isTrue();
            }
        }
        assertThat(best.getShifts().stream().flatMap(s -> s.getVisits().subList(0, s.getPinnedVisitCount())
                .stream()).map(Visit::getId).toList()).containsExactlyInAnyOrderElementsOf(pinnedBefore);
    }

    private static Problem solveOnce(ProblemMapper mapper) {
        Problem problem = org.techroute.data.Examples.smallProblem();
        return new Planner(mapper).solve(problem.withOptions(problem.options().withStepLimit(200L)), p -> {
        });
    }
}
