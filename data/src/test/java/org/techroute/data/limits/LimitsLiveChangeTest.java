package org.techroute.data.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.techroute.data.Examples;
import org.techroute.data.changes.ChangeApplier;
import org.techroute.data.changes.LiveProblemChange;
import org.techroute.data.changes.PlanChange;
import org.techroute.data.changes.PlanChangeRequest;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Visit;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.solver.config.SolveSettings;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;

/**
 * Parts and driving limits survive a live change into a running solver ({@code TRACKED_FULL_ASSERT}): the new
 * visit needs a part whose name sorts first, so every part's index in the planning model changes; the working
 * shifts and visits take the new indexes over, and the plan keeps every van's stock and driving limit.
 */
class LimitsLiveChangeTest {

    @Test
    void aVisitWithANewPartEntersARunningSolverAndTheLimitsHold() throws Exception {
        ProblemMapper mapper = new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads());
        ObjectNode tree = PartsModelTest.withParts();
        ((ObjectNode) tree.withArray("shifts").get(1)).put("maxTravelSeconds", 1500);
        Problem problem = Examples.problem(tree);
        MappedProblem running = mapper.map(problem);
        Solver<RoutePlan> solver = Planner.solverFactory(SolveSettings.of(Duration.ofMinutes(2))
                .withEnvironmentMode(EnvironmentMode.TRACKED_FULL_ASSERT)).buildSolver();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        solver.addEventListener(event -> {
            started.countDown();
            if (event.getNewBestSolution().getVisits().stream().anyMatch(v -> v.getId().equals("NEW"))) {
                changed.countDown();
            }
        });
        CompletableFuture<RoutePlan> solving = CompletableFuture.supplyAsync(() -> solver.solve(running.plan()));
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();

        Visit call = new Visit("NEW", null, Location.ofLatLon(47.15, 9.515), 1200L, null, null, null, null, null,
                null, null, List.of(1), Map.of("0-ring", 1), null);
        Problem after = ChangeApplier.apply(problem, new PlanChangeRequest(null,
                List.of(new PlanChange.AddVisit(call))));
        solver.addProblemChange(new LiveProblemChange(mapper.map(after)));
        boolean arrived = changed.await(60, TimeUnit.SECONDS);
        solver.terminateEarly();
        RoutePlan best = solving.get(60, TimeUnit.SECONDS);

        assertThat(arrived).as("the change reached the solver").isTrue();
        assertThat(best.getScore().isFeasible()).as(best.getScore().toString()).isTrue();
        var added = best.getVisits().stream().filter(v -> v.getId().equals("NEW")).findFirst().orElseThrow();
        assertThat(added.getShift()).as("no van carries an 0-ring").isNull();
        for (Shift shift : best.getShifts()) {
            assertThat(shift.partsShortfall()).as(shift.getId()).isZero();
            assertThat(shift.travelExcessMillis()).as(shift.getId()).isZero();
        }
        // parts sorted by name after the change: 0-ring 0, pump 1, valve 2
        Shift anna = best.getShifts().get(0);
        assertThat(anna.getVanStock()).containsExactly(0, 1, 2);
        var v3 = best.getVisits().stream().filter(v -> v.getId().equals("v3")).findFirst().orElseThrow();
        assertThat(v3.getPartIds()).containsExactly(2);
        assertThat(v3.getShift()).isSameAs(anna);
    }
}
