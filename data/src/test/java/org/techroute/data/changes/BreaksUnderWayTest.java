package org.techroute.data.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.data.changes.DispatcherChangesTest.at;
import static org.techroute.data.changes.DispatcherChangesTest.service;
import static org.techroute.data.changes.DispatcherChangesTest.shiftOf;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Solution;
import org.techroute.data.model.Step;
import org.techroute.data.model.TakenBreak;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;

/**
 * A re-plan while the lunch is under way: the plan had tom's lunch 12:00-12:30, and at 12:10 the day is re-planned.
 * The lunch is a fact from then on (recorded as taken), so the new plan has it once, at 12:00, and no second lunch
 * from 12:10.
 */
class BreaksUnderWayTest {

    static Problem planWithLunch() {
        Problem plan = DispatcherChangesTest.plan();
        Step lunch = new Step(Step.StepType.BREAK, null, at("12:00"), at("12:30"), null, null, null, null);
        List<Route> routes = List.of(
                DispatcherChangesTest.route("tom-mon", "tom", List.of("a", "b", "c"), service("a", "09:00", "10:00"),
                        service("b", "10:30", "11:30"), lunch, service("c", "13:00", "14:00")),
                plan.solution().routes().get(1));
        Solution s = plan.solution();
        return plan.withSolution(s.withRoutes(routes));
    }

    @Test
    void aLunchUnderWayAtNowIsRecordedAsTaken() {
        Problem changed = ChangeApplier.apply(planWithLunch(), new PlanChangeRequest(at("12:10"), List.of()));

        assertThat(shiftOf(changed, "tom-mon").breaks()).singleElement()
                .extracting(b -> b.taken()).isEqualTo(new TakenBreak(at("12:00"), at("12:30")));
        assertThat(shiftOf(changed, "una-mon").breaks()).isNull();
    }

    @Test
    void aLunchAfterNowIsStillPlanned() {
        Problem changed = ChangeApplier.apply(planWithLunch(), new PlanChangeRequest(at("11:50"), List.of()));

        assertThat(shiftOf(changed, "tom-mon").breaks()).singleElement().extracting(b -> b.taken()).isNull();
    }

    @Test
    void theReplanHasTheLunchOnceAtItsTimeAndIsFeasible() {
        Problem changed = ChangeApplier.apply(planWithLunch(), new PlanChangeRequest(at("12:10"), List.of()));
        Planner planner = new Planner(new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads()));

        Problem replanned = planner.solve(changed, progress -> {
        });

        Route tom = replanned.solution().routes().stream().filter(r -> r.shiftId().equals("tom-mon")).findFirst()
                .orElseThrow();
        List<Step> breaks = tom.steps().stream().filter(step -> step.type() == Step.StepType.BREAK).toList();
        assertThat(breaks).as("tom's breaks").singleElement().satisfies(step -> {
            assertThat(step.start()).isEqualTo(at("12:00"));
            assertThat(step.end()).isEqualTo(at("12:30"));
        });
        assertThat(replanned.solution().feasible()).isTrue();
    }

    @Test
    void aTechnicianSentHomeBeforeHisLunchCanEndIsNotGivenOne() {
        // at 11:00 tom is serving b (10:30-11:30); he is unavailable from 12:10, so his day ends at 12:10: the
        // lunch (from 12:00, 30 min) no longer fits, and planning it would end his day at 12:30, after the cut
        Problem changed = ChangeApplier.apply(DispatcherChangesTest.plan(), new PlanChangeRequest(at("11:00"),
                List.of(new PlanChange.TechnicianUnavailable("tom", at("12:10")))));

        assertThat(shiftOf(changed, "tom-mon").end()).isEqualTo(at("12:10"));
        assertThat(shiftOf(changed, "tom-mon").breaks()).isEmpty();
        Planner planner = new Planner(new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads()));
        assertThat(planner.solve(changed, progress -> {
        }).solution().feasible()).isTrue();
    }

    @Test
    void aTechnicianSentHomeLaterKeepsTheLunchThatStillFits() {
        Problem changed = ChangeApplier.apply(DispatcherChangesTest.plan(), new PlanChangeRequest(at("11:00"),
                List.of(new PlanChange.TechnicianUnavailable("tom", at("15:00")))));

        assertThat(shiftOf(changed, "tom-mon").breaks()).hasSize(1);
    }
}
