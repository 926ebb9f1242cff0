package org.techroute.solver.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.solver.TestData.at;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;
import static org.techroute.solver.TestData.wire;



import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;

import java.time.Duration;
import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;

import org.junit.jupiter.api.Test;
import org.techroute.solver.config.SolveSettings;
import org.techroute.solver.config.TechrouteSolverConfig;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Technician;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.domain.VisitTiming;
import org.techroute.solver.justification.VisitJustification;

/**
 * {@code crewStart}, {@code crewAssignment}, {@code crewTechnicians}: the visits of a crew are served by different
 * technicians, all or none, starting at the same time.
 */
class CrewConstraintTest {

    private final ConstraintVerifier<TechrouteConstraintProvider, RoutePlan> verifier = ConstraintVerifier.build(
            new TechrouteConstraintProvider(), RoutePlan.class, Shift.class, Visit.class);

    private static void crew(String id, Visit... members) {
        for (Visit member : members) {
            member.setCrew(id, java.util.Arrays.stream(members).filter(m -> m != member).toList());
        }
    }

    private static void startAt(Visit visit, long start) {
        visit.setTiming(new VisitTiming(start, start, start + visit.getServiceDurationMillis(), 0, 0));
    }

    @Test
    void theCrewWaitsForItsLatestMember() {
        Visit near = visit("e", 1).build(); // 10 minutes from the depot
        Visit far = visit("h", 3).build(); // 30 minutes from the depot
        crew("c", near, far);
        Shift s2 = wire(shift("s2", technician("bob")).build(), far);
        far.setCrewReadyMillis(far.getTiming().serviceStartMillis());
        Shift s1 = wire(shift("s1", technician("alice")).build(), near);
        assertThat(near.getTiming().arrivalMillis()).isEqualTo(at(8, 10));
        assertThat(near.getTiming().serviceStartMillis()).isEqualTo(at(8, 30));
        verifier.verifyThat(TechrouteConstraintProvider::crewStart).given(s1, s2, near, far).penalizes(0);
        verifier.verifyThat(TechrouteConstraintProvider::crewAssignment).given(s1, s2, near, far).penalizes(0);
        verifier.verifyThat(TechrouteConstraintProvider::crewTechnicians).given(s1, s2, near, far).penalizes(0);
    }

    @Test
    void startsApartArePenalizedPerSecondPerPair() {
        Visit a = visit("a", 1).build();
        Visit b = visit("b", 1).build();
        Visit c = visit("c", 1).build();
        crew("c1", a, b, c);
        Shift s1 = wire(shift("s1", technician("alice")).build(), a);
        Shift s2 = wire(shift("s2", technician("bob")).build(), b);
        Shift s3 = wire(shift("s3", technician("carol")).build(), c);
        startAt(a, at(9, 0));
        startAt(b, at(9, 1));
        startAt(c, at(9, 0));
        // a-b 60 s, b-c 60 s, a-c 0
        verifier.verifyThat(TechrouteConstraintProvider::crewStart).given(s1, s2, s3, a, b, c)
                .justifiesWithExactly(new VisitJustification("a", "s1", "crew c1: starts 1.0 min apart from visit b"),
                        new VisitJustification("b", "s2", "crew c1: starts 1.0 min apart from visit c"))
                .penalizesBy(120);
    }

    @Test
    void halfACrewIsPenalizedPerMemberLeftOut() {
        Visit a = visit("a", 1).build();
        Visit b = visit("b", 1).build();
        Visit c = visit("c", 1).build();
        crew("c1", a, b, c);
        Shift s1 = wire(shift("s1", technician("alice")).build(), a);
        verifier.verifyThat(TechrouteConstraintProvider::crewAssignment).given(s1, a, b, c)
                .justifiesWith(new VisitJustification("b", null,
                        "crew c1: unassigned while other visits of its crew are served"))
                .penalizesBy(2);
        Visit d = visit("d", 1).build();
        Visit e = visit("e", 1).build();
        crew("c2", d, e);
        verifier.verifyThat(TechrouteConstraintProvider::crewAssignment).given(d, e).penalizes(0);
    }

    @Test
    void oneTechnicianServingTwoMembersIsPenalized() {
        Visit a = visit("a", 1).build();
        Visit b = visit("b", 1).build();
        crew("c1", a, b);
        // two shifts of one technician (say, a crew spread over two days by mistake)
        Technician alice = technician("alice");
        Shift s1 = wire(shift("s1", alice).build(), a);
        Shift s2 = wire(shift("s2", alice).build(), b);
        verifier.verifyThat(TechrouteConstraintProvider::crewTechnicians).given(s1, s2, a, b)
                .justifiesWithExactly(new VisitJustification("a", "s1",
                        "crew c1: technician alice also serves visit b of the crew"))
                .penalizesBy(1);
        // visits without a crew are never pairs
        Visit x = visit("x", 1).build();
        Visit y = visit("y", 2).build();
        Shift s3 = wire(shift("s3", technician("bob")).build(), x, y);
        verifier.verifyThat(TechrouteConstraintProvider::crewTechnicians).given(s3, x, y).penalizes(0);
        verifier.verifyThat(TechrouteConstraintProvider::crewStart).given(s3, x, y).penalizes(0);
    }

    @Test
    void aCrewOnOneRouteWaitsForItselfAndIsALoop() {
        Visit a = visit("a", 1).build();
        Visit b = visit("b", 1).build();
        crew("c1", a, b);
        // b could start alone only after a ends, and a waits for b: no timing exists; Timefold finds the loop
        Technician alice = technician("alice");
        Shift s1 = wire(shift("s1", alice).build(), a, b);
        RoutePlan plan = new RoutePlan(List.of(alice), List.of(s1), List.of(a, b), null);
        SolutionManager<RoutePlan, HardMediumSoftLongScore> manager = SolutionManager.create(SolverFactory
                .create(TechrouteSolverConfig.create(SolveSettings.of(Duration.ofSeconds(1)), true)));
        manager.update(plan);
        assertThat(a.isInconsistent()).isTrue();
        assertThat(b.isInconsistent()).isTrue();
        assertThat(manager.analyze(plan).getConstraintAnalysis(TechrouteConstraint.LINK_LOOP.id()).score())
                .isEqualTo(HardMediumSoftLongScore.ofHard(-2 * TechrouteConstraint.LINK_LOOP.defaultWeight()));
    }

    @Test
    void noLoopWithoutLinks() {
        Visit a = visit("a", 1).build();
        Shift s1 = wire(shift("s1", technician("alice")).build(), a);
        verifier.verifyThat(TechrouteConstraintProvider::linkLoop).given(s1, a).penalizes(0);
    }

    @Test
    void aVisitMarkedInconsistentIsALoop() {
        Visit a = visit("a", 1).build();
        Shift s1 = wire(shift("s1", technician("alice")).build(), a);
        a.setInconsistent(true);
        verifier.verifyThat(TechrouteConstraintProvider::linkLoop).given(s1, a)
                .justifiesWithExactly(new VisitJustification("a", "s1",
                        "its start waits on itself through crews and dependencies across routes"))
                .penalizesBy(1);
    }
}
