package org.techroute.benchmarks.vrptw;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.junit.jupiter.api.Test;
import org.techroute.data.demo.DemoProblemGenerator;
import org.techroute.data.demo.DemoSpec;
import org.techroute.data.demo.PointSource;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Pin;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TravelMode;
import org.techroute.data.model.Visit;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.solver.config.SolveSettings;
import org.techroute.solver.config.TechrouteSolverConfig;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.move.NearbyMoveIteratorFactory;

/**
 * Hunts score corruption in the custom nearby moves: short solves in {@code TRACKED_FULL_ASSERT}, which
 * recalculates the score from scratch after every move and checks every undo.
 */
class NearbyMovesFullAssertTest {

    private static final Planner PLANNER =
            new Planner(new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads()));

    @Test
    void defaultConfigurationOnASolomonLikeInstance() {
        MappedProblem mapped = PLANNER.prepare(SolomonReader.toProblem(SolomonReader.parse(solomonLike(20, 42)),
                Duration.ofSeconds(30), 0));
        RoutePlan solved = solve(TechrouteSolverConfig.create(settings(200, 30)), mapped.plan());
        assertThat(solved.getScore().isFeasible()).isTrue();
        assertThat(solved.getScore().mediumScore()).isZero();
    }

    @Test
    void nearbyMovesOnlyWithBreaksSkillsShiftsAndPins() {
        Problem demo = DemoProblemGenerator.generate(new DemoSpec("assert", 2, 16, 2, LocalDate.of(2026, 3, 2),
                ZoneOffset.ofHours(1), TravelMode.HAVERSINE, 7), PointSource.liechtenstein());
        // Pin the first visit at the start of the first shift: nothing may move it or go before it.
        List<Visit> visits = new ArrayList<>(demo.visits());
        Visit first = visits.get(0);
        String pinnedShift = demo.shifts().get(0).id();
        visits.set(0, new Visit(first.id(), first.customerName(), first.location(), first.serviceDurationSeconds(),
                first.timeWindows(), first.requiredSkills(), first.requiredCertifications(), first.priority(),
                first.requiredTechnicianIds(), first.preferredTechnicianIds(), first.excludedTechnicianIds(),
                first.demand(), new Pin(pinnedShift, 0)));
        Problem problem = Problem.of(demo.name(), demo.options(), demo.technicians(), demo.shifts(), visits);
        MappedProblem mapped = PLANNER.prepare(problem);

        SolverConfig config = TechrouteSolverConfig.create(settings(400, 4));
        LocalSearchPhaseConfig nearbyOnly = new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(
                        new MoveIteratorFactoryConfig()
                                .withMoveIteratorFactoryClass(NearbyMoveIteratorFactory.Relocate.class),
                        new MoveIteratorFactoryConfig()
                                .withMoveIteratorFactoryClass(NearbyMoveIteratorFactory.Swap.class),
                        new MoveIteratorFactoryConfig()
                                .withMoveIteratorFactoryClass(NearbyMoveIteratorFactory.TwoOpt.class)))
                // Every move here evaluated is checked against a full recalculation and its undo; the demo's hard
                // constraints make most moves worse, so this phase ends on the 4 s time limit.
                .withTerminationConfig(new TerminationConfig().withStepCountLimit(200));
        TechrouteSolverConfig.withLocalSearch(config, nearbyOnly);

        RoutePlan solved = solve(config, mapped.plan());
        Shift shift = solved.getShifts().stream().filter(s -> s.getId().equals(pinnedShift)).findFirst().orElseThrow();
        assertThat(shift.getVisits().get(0).getId()).isEqualTo(first.id());
        assertThat(solved.getScore()).isNotNull();
    }

    private static SolveSettings settings(long steps, int seconds) {
        // Steps bound the Solomon-like solve; the time limit bounds the other one.
        return SolveSettings.of(Duration.ofSeconds(seconds)).withStepCountLimit(steps)
                .withEnvironmentMode(EnvironmentMode.TRACKED_FULL_ASSERT);
    }

    private static RoutePlan solve(SolverConfig config, RoutePlan plan) {
        VrptwBenchmark.quietSolverLogs();
        RoutePlan solved = SolverFactory.<RoutePlan> create(config).buildSolver().solve(plan);
        HardMediumSoftLongScore score = solved.getScore();
        assertThat(score).isNotNull();
        return solved;
    }

    /** A random instance in the Solomon format: depot in the middle, wide windows, capacity 60, 8 vehicles. */
    static String solomonLike(int customers, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("SYNTH\n\nVEHICLE\nNUMBER     CAPACITY\n  8         60\n\nCUSTOMER\n")
                .append("CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n\n")
                .append("    0      50         50          0          0       1000          0\n");
        for (int c = 1; c <= customers; c++) {
            int x = random.nextInt(101);
            int y = random.nextInt(101);
            int ready = random.nextInt(600);
            int due = ready + 100 + random.nextInt(200);
            text.append(String.format(Locale.ROOT, "%5d %6d %6d %6d %6d %6d %6d%n", c, x, y, 1 + random.nextInt(15),
                    ready, due, 10));
        }
        return text.toString();
    }
}
