package org.techroute.data.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import org.junit.jupiter.api.Test;

import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Problem;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.solver.config.ConstructedBests;
import org.techroute.solver.config.SolveSettings;
import org.techroute.solver.config.TechrouteSolverConfig;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Visit;

/**
 * After a live change that adds an emergency, the first best solution a dispatcher is shown is the plan built with
 * the change, not Timefold's starting point with the emergency still unassigned.
 */
class ConstructedBestsTest {

    @Test
    void theFirstBestAfterAnEmergencyHasItPlaced() throws Exception {
        ProblemMapper mapper = new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads());
        Problem problem = org.techroute.data.Examples.smallProblem();
        Problem plan = new Planner(mapper).solve(problem.withOptions(problem.options().withStepLimit(200L)), p -> {
        });
        MappedProblem running = mapper.map(plan);
        SolverConfig config = TechrouteSolverConfig.create(SolveSettings.of(Duration.ofMinutes(2)), running.plan());
        Solver<RoutePlan> solver = SolverFactory.<RoutePlan>create(config).buildSolver();
        AtomicReference<Visit> firstSeen = new AtomicReference<>();
        AtomicReference<Visit> firstSeenByTimefold = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch emergencySeen = new CountDownLatch(1);
        ConstructedBests.listen(solver, config, event -> {
            started.countDown();
            emergency(event.getNewBestSolution()).ifPresent(visit -> {
                if (firstSeen.compareAndSet(null, visit)) {
                    emergencySeen.countDown();
                }
            });
        });
        solver.addEventListener(event -> emergency(event.getNewBestSolution())
                .ifPresent(visit -> firstSeenByTimefold.compareAndSet(null, visit)));
        CompletableFuture<RoutePlan> solving = CompletableFuture.supplyAsync(() -> solver.solve(running.plan()));
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();

        Problem changed = ChangeApplier.apply(plan, new PlanChangeRequest(ChangeApplierTest.TEN_THIRTY,
                List.of(new PlanChange.AddVisit(ChangeApplierTest.emergency("emergency")))));
        solver.addProblemChange(new LiveProblemChange(mapper.map(changed)));

        boolean seen = emergencySeen.await(60, TimeUnit.SECONDS);
        solver.terminateEarly();
        RoutePlan best = solving.get(60, TimeUnit.SECONDS);
        assertThat(seen).isTrue();
        assertThat(firstSeenByTimefold.get().getShift())
                .as("Timefold announces its starting point after the change, before anything is placed").isNull();
        assertThat(firstSeen.get().getShift()).as("the first best passed on has the emergency placed").isNotNull();
        assertThat(emergency(best).orElseThrow().getShift()).isNotNull();
    }

    private static Optional<Visit> emergency(RoutePlan plan) {
        return plan.getVisits().stream().filter(v -> v.getId().equals("emergency")).findFirst();
    }
}
