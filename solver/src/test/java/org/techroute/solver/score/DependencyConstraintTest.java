package org.techroute.solver.score;

import static org.techroute.solver.TestData.at;
import static org.techroute.solver.TestData.minutes;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;
import static org.techroute.solver.TestData.wire;

import java.util.List;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;

import org.junit.jupiter.api.Test;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.domain.VisitDependency;
import org.techroute.solver.domain.VisitTiming;
import org.techroute.solver.justification.VisitJustification;

/**
 * {@code dependency} and {@code dependencyAssignment}: a visit starts after the end of the visit it follows plus the
 * minimum delay, no later than its end plus the maximum delay, only if that visit is served, and on its technician
 * when asked. Visit "a" (location 1, 30 minutes) is served on shift s1 at 08:10-08:40.
 */
class DependencyConstraintTest {

    private final ConstraintVerifier<TechrouteConstraintProvider, RoutePlan> verifier = ConstraintVerifier.build(
            new TechrouteConstraintProvider(), RoutePlan.class, Shift.class, Visit.class);

    private static Visit after(Visit before, long min, long max, boolean sameTechnician) {
        Visit visit = visit("b", 2).build();
        visit.setDependencies(List.of(new VisitDependency(before, min, max, sameTechnician)));
        return visit;
    }

    /** Sets b's planned service start (the rest of its timing follows). */
    private static void startAt(Visit visit, long start) {
        visit.setTiming(new VisitTiming(start, start, start + visit.getServiceDurationMillis(), 0, 0));
    }

    @Test
    void aVisitThatWaitsForTheOneItFollowsIsNotPenalized() {
        Visit a = visit("a", 1).build();
        Visit b = after(a, minutes(15), minutes(60), false);
        Shift s1 = wire(shift("s1", technician("alice")).build(), a);
        // on another route, b waits for a's end (08:40) plus 15 minutes
        Shift s2 = wire(shift("s2", technician("bob")).build(), b);
        verifier.verifyThat(TechrouteConstraintProvider::dependency).given(s1, s2, a, b).penalizes(0);
        verifier.verifyThat(TechrouteConstraintProvider::dependencyAssignment).given(s1, s2, a, b).penalizes(0);
    }

    @Test
    void theWaitingMakesTheTimingStartAfterTheEndPlusTheDelay() {
        Visit a = visit("a", 1).build();
        Visit b = after(a, minutes(15), Long.MAX_VALUE, false);
        wire(shift("s1", technician("alice")).build(), a);
        wire(shift("s2", technician("bob")).build(), b);
        org.assertj.core.api.Assertions.assertThat(b.getTiming().serviceStartMillis()).isEqualTo(at(8, 55));
        org.assertj.core.api.Assertions.assertThat(b.getTiming().arrivalMillis()).isEqualTo(at(8, 20));
    }

    @Test
    void aStartTooEarlyOrTooLateIsPenalizedPerSecond() {
        Visit a = visit("a", 1).build();
        Visit early = after(a, minutes(15), minutes(60), false);
        Shift s1 = wire(shift("s1", technician("alice")).build(), a);
        Shift s2 = wire(shift("s2", technician("bob")).build(), early);
        startAt(early, at(8, 45)); // 10 minutes before 08:55
        verifier.verifyThat(TechrouteConstraintProvider::dependency).given(s1, s2, a, early)
                .justifiesWithExactly(new VisitJustification("b", "s2", "starts 10.0 min too early after visit a"))
                .penalizesBy(600);
        startAt(early, at(9, 50)); // 10 minutes after 09:40
        verifier.verifyThat(TechrouteConstraintProvider::dependency).given(s1, s2, a, early)
                .justifiesWithExactly(new VisitJustification("b", "s2", "starts 10.0 min too late after visit a"))
                .penalizesBy(600);
    }

    @Test
    void aVisitServedWhileTheOneItFollowsIsUnassignedIsPenalized() {
        Visit a = visit("a", 1).build();
        Visit b = after(a, 0, Long.MAX_VALUE, false);
        Shift s2 = wire(shift("s2", technician("bob")).build(), b);
        verifier.verifyThat(TechrouteConstraintProvider::dependencyAssignment).given(s2, a, b)
                .justifiesWithExactly(new VisitJustification("b", "s2", "follows visit a, which is unassigned"))
                .penalizesBy(1);
        verifier.verifyThat(TechrouteConstraintProvider::dependency).given(s2, a, b).penalizes(0);
    }

    @Test
    void bothUnassignedIsNotPenalized() {
        Visit a = visit("a", 1).build();
        Visit b = after(a, 0, Long.MAX_VALUE, true);
        verifier.verifyThat(TechrouteConstraintProvider::dependencyAssignment).given(a, b).penalizes(0);
    }

    @Test
    void anotherTechnicianIsPenalizedOnlyWhenTheSameIsAsked() {
        Visit a = visit("a", 1).build();
        Visit b = after(a, 0, Long.MAX_VALUE, true);
        Shift s1 = wire(shift("s1", technician("alice")).build(), a);
        Shift s2 = wire(shift("s2", technician("bob")).build(), b);
        verifier.verifyThat(TechrouteConstraintProvider::dependencyAssignment).given(s1, s2, a, b)
                .justifiesWithExactly(new VisitJustification("b", "s2",
                        "must be served by technician alice, who serves visit a, not by bob"))
                .penalizesBy(1);
        Visit c = visit("c", 1).build();
        Visit d = after(c, 0, Long.MAX_VALUE, true);
        Shift same = wire(shift("s3", technician("carol")).build(), c, d);
        verifier.verifyThat(TechrouteConstraintProvider::dependencyAssignment).given(same, c, d).penalizes(0);
    }
}
