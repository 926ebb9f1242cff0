package org.techroute.data.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.timefold.solver.core.api.solver.SolutionManager;

import org.junit.jupiter.api.Test;
import org.techroute.data.Examples;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Route;
import org.techroute.data.model.Solution;
import org.techroute.data.model.UnassignedVisit;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/**
 * {@link PlanBuilder} on its own, without solving: routes set by hand on the mapped example (anna-mon has its
 * pinned v1; one visit needs a skill nobody has), the shadow variables and score brought up to date by Timefold.
 * Checked: one route per shift in the problem's order with the visits as placed, every visit either in a route or
 * unassigned with a reason (the unassigned-reason check: SKILL when no shift could ever serve it, NO_ROOM when one
 * could), and KPIs that are the sums of the routes.
 */
class PlanBuilderTest {

    static final ProblemMapper MAPPER = new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads());

    /** The example with v3 needing "roofing", a skill no technician has. */
    static MappedProblem mapped() {
        ObjectNode tree = Examples.smallProblemTree();
        ObjectNode v3 = (ObjectNode) tree.withArray("visits").get(2);
        assertThat(v3.path("id").asText()).isEqualTo("v3");
        v3.putObject("requiredSkills").put("roofing", 1);
        return MAPPER.map(Examples.problem(tree));
    }

    /** Brings the routes' shadow variables and the score up to date, as after solving. */
    static RoutePlan updated(MappedProblem mapped) {
        SolutionManager.create(Planner.solverFactory(Planner.settings(mapped.problem().optionsOrDefaults())))
                .update(mapped.plan());
        return mapped.plan();
    }

    static Map<String, Route> routes(Solution solution) {
        return solution.routes().stream().collect(Collectors.toMap(Route::shiftId, Function.identity()));
    }

    @Test
    void everyVisitIsInARouteOrUnassignedWithItsReason() {
        MappedProblem mapped = mapped();
        Solution solution = PlanBuilder.build(mapped, updated(mapped), null);

        assertThat(solution.routes()).extracting(Route::shiftId).containsExactly("anna-mon", "ben-mon");
        assertThat(routes(solution).get("anna-mon").visitIds()).as("the pinned visit").containsExactly("v1");
        assertThat(routes(solution).get("ben-mon").visitIds()).isEmpty();
        Map<String, String> reasons = solution.unassignedVisits().stream()
                .collect(Collectors.toMap(UnassignedVisit::visitId, UnassignedVisit::reason));
        assertThat(reasons).containsOnlyKeys("v2", "v3", "v4", "v5", "v6");
        assertThat(reasons.get("v3")).as("no technician has roofing").isEqualTo("SKILL");
        assertThat(reasons.get("v2")).as("ben could serve it, his route is just empty").isEqualTo("NO_ROOM");
        assertThat(solution.unassignedVisits()).allSatisfy(u -> assertThat(u.detail()).isNotBlank()
                .doesNotContain("Exception", "org.techroute"));

        assertThat(solution.kpis().visitsAssigned()).isEqualTo(1);
        assertThat(solution.kpis().visitsUnassigned()).isEqualTo(5);
        assertThat(solution.kpis().unassignedByPriority().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(5);
        assertThat(solution.kpis().shiftsUsed()).isEqualTo(1);
        assertThat(solution.kpis().shiftsTotal()).isEqualTo(2);
        assertThat(solution.score()).isEqualTo(mapped.plan().getScore().toString());
    }

    @Test
    void routesShowTheVisitsInTheirOrderAndTheKpisAreTheirSums() {
        MappedProblem mapped = mapped();
        RoutePlan plan = mapped.plan();
        Shift ben = plan.getShifts().stream().filter(s -> s.getId().equals("ben-mon")).findFirst().orElseThrow();
        for (String id : List.of("v5", "v2")) {
            Visit visit = plan.getVisits().stream().filter(v -> v.getId().equals(id)).findFirst().orElseThrow();
            ben.getVisits().add(visit);
        }
        Solution solution = PlanBuilder.build(mapped, updated(mapped), null);

        Route route = routes(solution).get("ben-mon");
        assertThat(route.visitIds()).containsExactly("v5", "v2");
        assertThat(route.technicianId()).isEqualTo("ben");
        assertThat(solution.unassignedVisits()).extracting(UnassignedVisit::visitId).doesNotContain("v2", "v5");
        assertThat(solution.kpis().visitsAssigned()).isEqualTo(3);
        assertThat(solution.kpis().shiftsUsed()).isEqualTo(2);
        assertThat(solution.kpis().travelSeconds()).isEqualByComparingTo(sum(solution, Route::travelSeconds));
        assertThat(solution.kpis().travelMeters()).isEqualByComparingTo(sum(solution, Route::travelMeters));
        assertThat(solution.kpis().serviceSeconds()).isEqualByComparingTo(sum(solution, Route::serviceSeconds));
        assertThat(solution.kpis().serviceSeconds()).as("v1, v5 and v2 served")
                .isEqualByComparingTo(BigDecimal.valueOf(3600 + serviceSeconds(mapped, "v5")
                        + serviceSeconds(mapped, "v2")));
        StepChecks.stepsAddUp(solution);
    }

    static BigDecimal sum(Solution solution, Function<Route, BigDecimal> field) {
        return solution.routes().stream().map(field).map(v -> v == null ? BigDecimal.ZERO : v)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static long serviceSeconds(MappedProblem mapped, String visitId) {
        return mapped.problem().visits().stream().filter(v -> v.id().equals(visitId)).findFirst().orElseThrow()
                .serviceDurationSeconds();
    }

    @Test
    void aBreakTakenOnAShiftLeftWithoutVisitsStaysInThePlan() {
        // ben took his lunch 12:05-12:35 (now 12:20); the re-plan gave his route nothing: the break still happened
        ObjectNode tree = Examples.smallProblemTree();
        tree.put("now", "2026-11-23T12:20:00+01:00");
        ObjectNode lunch = (ObjectNode) tree.withArray("shifts").get(1).withArray("breaks").get(0);
        lunch.putObject("taken").put("start", "2026-11-23T12:05:00+01:00");
        MappedProblem mapped = MAPPER.map(Examples.problem(tree));
        Solution solution = PlanBuilder.build(mapped, updated(mapped), null);

        Route ben = routes(solution).get("ben-mon");
        assertThat(ben.visitIds()).isEmpty();
        assertThat(ben.steps()).singleElement().satisfies(step -> {
            assertThat(step.type().name()).isEqualTo("BREAK");
            assertThat(step.start()).hasToString("2026-11-23T12:05+01:00");
            assertThat(step.end()).hasToString("2026-11-23T12:35+01:00");
        });
        assertThat(ben.breakSeconds()).isEqualByComparingTo(BigDecimal.valueOf(1800));
        assertThat(ben.travelSeconds()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(solution.kpis().breakSeconds()).as("KPIs are the sums of the routes")
                .isEqualByComparingTo(solution.routes().stream().map(Route::breakSeconds)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(solution.kpis().shiftsUsed()).as("a break alone does not use the shift").isEqualTo(1);
    }
}
