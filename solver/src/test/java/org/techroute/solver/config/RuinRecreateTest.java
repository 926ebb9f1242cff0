package org.techroute.solver.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.score.director.ScoreDirectorFactoryConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.move.InsertionConstruction;
import org.techroute.solver.move.RuinRecreateMoveIteratorFactory;
import org.techroute.solver.score.TechrouteConstraintProvider;

/**
 * The insertion construction and the ruin-and-recreate move alone (no other move), on the smoke-test problem with
 * skills, a certification, required and excluded technicians, breaks, capacity and a pinned visit, in
 * TRACKED_FULL_ASSERT: every move is checked for score corruption and stale shadow variables.
 */
class RuinRecreateTest {

    private static RoutePlan solve(long seed, boolean construction) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(RoutePlan.class)
                .withEntityClasses(Shift.class, Visit.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(TechrouteConstraintProvider.class))
                .withEnvironmentMode(EnvironmentMode.TRACKED_FULL_ASSERT)
                .withRandomSeed(seed)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(30)))
                .withPhases(construction
                        ? new CustomPhaseConfig().withCustomPhaseCommands(new InsertionConstruction())
                        : new ConstructionHeuristicPhaseConfig(),
                        new ConstructionHeuristicPhaseConfig(),
                        new LocalSearchPhaseConfig()
                                .withMoveSelectorConfig(new MoveIteratorFactoryConfig()
                                        .withMoveIteratorFactoryClass(RuinRecreateMoveIteratorFactory.class))
                                .withTerminationConfig(new TerminationConfig().withStepCountLimit(200)));
        return SolverFactory.<RoutePlan> create(config).buildSolver().solve(SolverSmokeTest.problem());
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3 })
    void keepsPinsAndEveryVisitOnceWithoutScoreCorruption(long seed) {
        RoutePlan best = solve(seed, seed != 2);

        assertThat(best.getScore().hardScore()).as("hard score").isZero();
        assertThat(best.getScore().mediumScore()).as("every visit assigned").isZero();
        Shift carol = best.getShifts().stream().filter(s -> s.getId().equals("shift-carol")).findFirst()
                .orElseThrow();
        assertThat(carol.getVisits()).first().extracting(Visit::getId).isEqualTo("pinned");
        List<String> routed = best.getShifts().stream().flatMap(s -> s.getVisits().stream()).map(Visit::getId)
                .toList();
        assertThat(routed).containsExactlyInAnyOrderElementsOf(best.getVisits().stream().map(Visit::getId)
                .toList());
    }
}
