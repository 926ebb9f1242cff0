package org.techroute.data.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.techroute.data.demo.DemoFeature;
import org.techroute.data.demo.DemoProblemGenerator;
import org.techroute.data.demo.DemoSpec;
import org.techroute.data.demo.PointSource;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TravelMode;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.solver.config.SolveSettings;
import org.techroute.solver.config.TechrouteSolverConfig;
import org.techroute.solver.domain.Priority;
import org.techroute.solver.domain.RoutePlan;

/**
 * The production solver configuration (every phase and move, every default constraint) on small field-service days
 * in {@code TRACKED_FULL_ASSERT}: Timefold recalculates the score from scratch after every move and checks every
 * undo and shadow variable, so a custom move, phase or incremental constraint that corrupts the score fails here.
 * Days of the demo generator: skills, certifications, lunch breaks, windows, priorities with CRITICAL visits, van
 * capacity; with the optional features (crews, dependencies, parts on the van, a driving limit) or without.
 */
class ProductionConfigFullAssertTest {

    enum Day {
        PLAIN(EnumSet.noneOf(DemoFeature.class)), EVERY_FEATURE(EnumSet.allOf(DemoFeature.class));

        final Set<DemoFeature> features;

        Day(Set<DemoFeature> features) {
            this.features = features;
        }
    }

    @ParameterizedTest
    @EnumSource(Day.class)
    void aDayIsSolvedWithoutScoreCorruption(Day day) {
        DemoSpec spec = new DemoSpec("full assert", 3, 18, 1, LocalDate.of(2026, 11, 24), ZoneOffset.ofHours(1),
                TravelMode.HAVERSINE, 5);
        Problem problem = DemoFeature.apply(DemoProblemGenerator.generate(spec, PointSource.liechtenstein()),
                day.features);
        MappedProblem mapped = new Planner(new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads()))
                .prepare(problem);
        assertThat(mapped.plan().getVisits()).as("the day has emergencies for the CRITICAL phases and moves")
                .anyMatch(v -> v.getPriority() == Priority.CRITICAL);
        SolveSettings settings = SolveSettings.of(Duration.ofMinutes(5)).withStepCountLimit(30L).withRandomSeed(3L)
                .withEnvironmentMode(EnvironmentMode.TRACKED_FULL_ASSERT);
        SolverFactory<RoutePlan> factory = SolverFactory.create(TechrouteSolverConfig.create(settings, mapped.plan()));
        RoutePlan solved = factory.buildSolver().solve(mapped.plan());
        assertThat(solved.getScore()).isNotNull();
        assertThat(solved.getScore().hardScore()).as(solved.getScore().toString()).isZero();
        assertThat(solved.getVisits()).anyMatch(v -> v.getShift() != null);
    }
}
