package org.techroute.data.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.techroute.data.Examples;
import org.techroute.data.model.Pin;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Violation;
import org.techroute.data.model.Visit;
import org.techroute.data.validation.InvalidProblemException;

/** MOVE_VISIT, LOCK_VISIT, LOCK_ROUTE and UNLOCK_ROUTE: the dispatcher overrules the optimizer with pins. */
class MoveVisitTest {

    static Problem plan;

    @BeforeAll
    static void solveTheExample() {
        Problem problem = Examples.smallProblem();
        plan = ChangeApplierTest.PLANNER.solve(problem.withOptions(problem.options().withStepLimit(200L)
                .withRandomSeed(1L)), progress -> {
                });
    }

    static Route route(Problem document, String shiftId) {
        return document.solution().routes().stream().filter(r -> r.shiftId().equals(shiftId)).findFirst()
                .orElseThrow();
    }

    static Pin pin(Problem document, String visitId) {
        return document.visits().stream().filter(v -> v.id().equals(visitId)).findFirst().orElseThrow().pin();
    }

    static Problem apply(PlanChange... changes) {
        return ChangeApplier.apply(plan, new PlanChangeRequest(null, List.of(changes)));
    }

    @Test
    void aMovedVisitIsPinnedAtItsTargetWithTheVisitsBeforeIt() {
        Route from = plan.solution().routes().get(0);
        Route to = plan.solution().routes().get(1);
        String moved = from.visitIds().get(0);

        Problem changed = apply(new PlanChange.MoveVisit(moved, to.shiftId(), 1, null, true));

        List<String> expected = new ArrayList<>(to.visitIds());
        expected.add(1, moved);
        assertThat(route(changed, to.shiftId()).visitIds()).isEqualTo(expected);
        assertThat(route(changed, from.shiftId()).visitIds()).doesNotContain(moved);
        assertThat(pin(changed, moved)).isEqualTo(new Pin(to.shiftId(), 1));
        assertThat(pin(changed, expected.get(0))).isEqualTo(new Pin(to.shiftId(), 0));
        assertThat(pin(changed, expected.get(2))).isNull();

        // the re-plan keeps it there, whatever else it does
        Problem replanned = ChangeApplierTest.PLANNER.solve(changed, progress -> {
        });
        assertThat(route(replanned, to.shiftId()).visitIds().subList(0, 2)).containsExactly(expected.get(0), moved);
    }

    @Test
    void withoutPinTheMoveIsOnlyTheStartingPoint() {
        Route from = plan.solution().routes().get(0);
        Route to = plan.solution().routes().get(1);
        String moved = from.visitIds().get(1);

        Problem changed = apply(new PlanChange.MoveVisit(moved, to.shiftId(), null, to.visitIds().get(0), false));

        assertThat(route(changed, to.shiftId()).visitIds().get(1)).isEqualTo(moved);
        assertThat(pin(changed, moved)).isNull();
        assertThat(route(changed, to.shiftId()).visitIds()).allMatch(id -> pin(changed, id) == null);
    }

    @Test
    void lockAndUnlockARoute() {
        Route route = plan.solution().routes().get(0);
        Problem locked = apply(new PlanChange.LockRoute(route.shiftId()));
        for (int i = 0; i < route.visitIds().size(); i++) {
            assertThat(pin(locked, route.visitIds().get(i))).isEqualTo(new Pin(route.shiftId(), i));
        }
        Problem unlocked = ChangeApplier.apply(locked.withSolution(plan.solution()), new PlanChangeRequest(null,
                List.of(new PlanChange.UnlockRoute(route.shiftId()))));
        assertThat(route.visitIds()).allMatch(id -> pin(unlocked, id) == null);

        Problem one = apply(new PlanChange.LockVisit(route.visitIds().get(1)));
        assertThat(pin(one, route.visitIds().get(0))).isEqualTo(new Pin(route.shiftId(), 0));
        assertThat(pin(one, route.visitIds().get(1))).isEqualTo(new Pin(route.shiftId(), 1));
        assertThat(pin(one, route.visitIds().get(2))).isNull();
    }

    @Test
    void badMovesNameTheChangeAndTheEntity() {
        Route to = plan.solution().routes().get(1);
        String moved = plan.solution().routes().get(0).visitIds().get(0);
        Problem lockedTarget = apply(new PlanChange.LockRoute(to.shiftId()));

        assertThatThrownBy(() -> ChangeApplier.apply(lockedTarget.withSolution(plan.solution()),
                new PlanChangeRequest(null, List.of(
                        new PlanChange.MoveVisit(moved, "nobody-mon", 0, null, true),
                        new PlanChange.MoveVisit(moved, to.shiftId(), 99, null, true),
                        new PlanChange.MoveVisit(moved, to.shiftId(), 0, null, false),
                        new PlanChange.MoveVisit("v404", to.shiftId(), 0, null, true),
                        new PlanChange.MoveVisit(moved, to.shiftId(), 0, "v3", true),
                        new PlanChange.LockRoute(null)))))
                .isInstanceOfSatisfying(InvalidProblemException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::entityId)
                        .containsExactly(
                                tuple("$.changes[0].shiftId", "nobody-mon"),
                                tuple("$.changes[1].position", moved),
                                tuple("$.changes[2].pin", moved),
                                tuple("$.changes[3].visitId", "v404"),
                                tuple("$.changes[4].afterVisitId", moved),
                                tuple("$.changes[5].shiftId", null)));
    }
}
