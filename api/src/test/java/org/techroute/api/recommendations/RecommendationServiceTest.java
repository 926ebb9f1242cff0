package org.techroute.api.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.techroute.api.plans.PlanRecord;
import org.techroute.api.plans.PlanService;
import org.techroute.api.plans.PlanStatus;
import org.techroute.api.support.Problems;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Visit;
import org.techroute.data.solve.Planner;

class RecommendationServiceTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-24T13:00:00+01:00");

    @Test
    void anAppendedVisitKeepsTheDayUnderWay() {
        Problem day = Problems.demo(2, 5).withNow(NOW);
        Visit extra = day.visits().get(0);
        Problem withVisit = RecommendationService.appendVisit(day, extra, null);
        assertThat(withVisit.now()).isEqualTo(day.now());
        assertThat(withVisit.visits()).hasSize(day.visits().size() + 1);
        assertThat(withVisit.options()).isEqualTo(day.options());
    }

    @Test
    void aRecommendationAppliedToARePlannedDayKeepsNow() throws Exception {
        Planner planner = Problems.planner();
        Problem problem = Problems.demo(2, 5).withNow(NOW);
        MappedProblem mapped = planner.prepare(problem);
        Problem plan = Planner.describe(mapped, mapped.plan(), Planner.solverFactory(Planner.settings(problem
                .optionsOrDefaults())));
        assertThat(plan.now()).isEqualTo(NOW);
        PlanService plans = mock(PlanService.class);
        PlanRecord record = new PlanRecord("p1", "day", PlanStatus.SOLVED, null, 2, ProblemJson.write(problem),
                ProblemJson.write(plan), null, null, null, null, NOW, NOW, null, null);
        when(plans.stored("p1")).thenReturn(new PlanService.StoredPlan(record, plan));
        Visit extra = ProblemJson.mapper().readValue("""
                {"id": "NEW", "location": {"lat": 47.15, "lon": 9.52}, "serviceDurationSeconds": 1800}""",
                Visit.class);
        String shiftId = problem.shifts().get(0).id();

        Problem applied = new RecommendationService(plans, planner).apply("p1", new ApplyRequest(extra, shiftId, 0));

        ArgumentCaptor<Problem> storedProblem = ArgumentCaptor.forClass(Problem.class);
        ArgumentCaptor<Problem> storedPlan = ArgumentCaptor.forClass(Problem.class);
        verify(plans).replaceDocuments(eq("p1"), storedProblem.capture(), storedPlan.capture());
        assertThat(applied.now()).isEqualTo(NOW);
        assertThat(storedPlan.getValue().now()).as("the plan document keeps the day's now").isEqualTo(NOW);
        assertThat(storedProblem.getValue().now()).as("the problem document keeps the day's now").isEqualTo(NOW);
        assertThat(storedPlan.getValue().solution().routes()).anySatisfy(route -> {
            assertThat(route.shiftId()).isEqualTo(shiftId);
            assertThat(route.visitIds()).containsExactly("NEW");
        });
        assertThat(storedProblem.getValue().solution()).isNull();
    }
}
