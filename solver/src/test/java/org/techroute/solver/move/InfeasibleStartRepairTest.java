package org.techroute.solver.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.solver.TestData.MATRIX;
import static org.techroute.solver.TestData.at;
import static org.techroute.solver.TestData.minutes;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;
import static org.techroute.solver.TestData.wire;

import java.time.Duration;
import java.util.List;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.score.director.ScoreDirectorFactoryConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.junit.jupiter.api.Test;
import org.techroute.solver.domain.Priority;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.score.TechrouteConstraintProvider;

/**
 * The insertion construction on re-plans that start breaking hard rules ({@link InfeasibleStartRepair}): work is
 * taken out, lowest priority first, and placed again only where it fits; a crew goes out whole, never half. Travel
 * from {@code TestData.MATRIX}, 60 min services unless said.
 */
class InfeasibleStartRepairTest {

    private static RoutePlan construct(RoutePlan problem) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(RoutePlan.class)
                .withEntityClasses(Shift.class, Visit.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(TechrouteConstraintProvider.class))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofMinutes(1)))
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommands(new InsertionConstruction()));
        return SolverFactory.<RoutePlan> create(config).buildSolver().solve(problem);
    }

    @Test
    void aShortenedShiftGivesUpItsLowestPriorityVisitWhichGoesWhereItFits() {
        // short: a 08:10-09:10, b 09:25-10:25, back at 10:45, three quarters of an hour after its 10:00 end; without
        // b it is back at 09:20 (without a, at 09:40: a NORMAL visit is worth more than a LOW one)
        Visit a = visit("a", 1).service(minutes(60)).build();
        Visit b = visit("b", 2).service(minutes(60)).priority(Priority.LOW).build();
        Shift shortened = wire(shift("short", technician("t1")).matrix(MATRIX).hours(at(8, 0), at(10, 0)).build(), a,
                b);
        Shift full = wire(shift("full", technician("t2")).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build());
        RoutePlan plan = construct(new RoutePlan(List.of(shortened.getTechnician(), full.getTechnician()),
                List.of(shortened, full), List.of(a, b), null));

        assertThat(plan.getScore().hardScore()).isZero();
        Shift first = plan.getShifts().get(0);
        Shift second = plan.getShifts().get(1);
        assertThat(first.getVisits()).extracting(Visit::getId).containsExactly("a");
        assertThat(second.getVisits()).extracting(Visit::getId).containsExactly("b");
    }

    @Test
    void aCrewThatBreaksTheShiftEndOnBothRoutesGoesOutWhole() {
        // each member 08:30-10:00 at location 3 and back at 10:30 on a shift that ends at 10:00: without one member
        // the other still ends late, and half a crew breaks a rule too; only the whole crew out keeps every rule
        Visit c1 = visit("c1", 3).service(minutes(90)).build();
        Visit c2 = visit("c2", 3).service(minutes(90)).build();
        c1.setCrew("crew", List.of(c2));
        c2.setCrew("crew", List.of(c1));
        Shift s1 = wire(shift("s1", technician("t1")).matrix(MATRIX).hours(at(8, 0), at(10, 0)).build(), c1);
        Shift s2 = wire(shift("s2", technician("t2")).matrix(MATRIX).hours(at(8, 0), at(10, 0)).build(), c2);
        RoutePlan plan = construct(new RoutePlan(List.of(s1.getTechnician(), s2.getTechnician()), List.of(s1, s2),
                List.of(c1, c2), null));

        assertThat(plan.getScore().hardScore()).isZero();
        assertThat(plan.getVisits()).allSatisfy(visit -> assertThat(visit.getShift()).as(visit.getId()).isNull());
    }

    @Test
    void aFeasibleStartIsLeftAsItIs() {
        Visit a = visit("a", 1).service(minutes(60)).priority(Priority.LOW).build();
        Shift shift = wire(shift("s", technician("t")).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build(), a);
        RoutePlan plan = construct(new RoutePlan(List.of(shift.getTechnician()), List.of(shift), List.of(a), null));

        assertThat(plan.getScore().hardScore()).isZero();
        assertThat(plan.getShifts().get(0).getVisits()).extracting(Visit::getId).containsExactly("a");
    }
}
