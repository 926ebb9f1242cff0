package org.techroute.solver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techroute.solver.TestData.visit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.change.ProblemChange;
import ai.timefold.solver.core.api.solver.change.ProblemChangeDirector;
import ai.timefold.solver.core.config.solver.EnvironmentMode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/**
 * Issue 13: several independent searches on the cores, the best kept. Every solve here is ended by a step limit
 * (the time limits are safety nets far above what the steps need), so the results are reproducible, except in the
 * stop test, which is ended by {@code terminateEarly} after the first best solution.
 */
class ParallelSearchTest {

    private static final Duration SAFETY = Duration.ofMinutes(3);
    private static final long STEPS = 120L;

    private static SolveSettings settings(long seed) {
        return SolveSettings.of(SAFETY).withStepCountLimit(STEPS).withRandomSeed(seed);
    }

    private static RoutePlan single(RoutePlan problem, SolveSettings settings) {
        return SolverFactory.<RoutePlan> create(TechrouteSolverConfig.create(settings, problem)).buildSolver()
                .solve(problem);
    }

    private static Map<String, List<String>> routes(RoutePlan plan) {
        Map<String, List<String>> routes = new LinkedHashMap<>();
        for (Shift shift : plan.getShifts()) {
            routes.put(shift.getId(), shift.getVisits().stream().map(Visit::getId).toList());
        }
        return routes;
    }

    @Test
    void twoSearchesReturnTheBestOfTheTwoSingleSearchesOfTheirSeeds() {
        RoutePlan seed5 = single(LinkedVisitsSolveTest.day(3, 30, false, false), settings(5));
        RoutePlan seed6 = single(LinkedVisitsSolveTest.day(3, 30, false, false), settings(6));

        List<HardMediumSoftLongScore> passedOn = new ArrayList<>();
        ParallelSearch search = ParallelSearch.of(settings(5).withSearchThreads(2),
                LinkedVisitsSolveTest.day(3, 30, false, false));
        search.addEventListener(event -> passedOn.add((HardMediumSoftLongScore) event.getNewBestScore()));
        Map<Integer, RoutePlan> lastOfEachSearch = new ConcurrentHashMap<>();
        search.withCustomizer((solver, index) -> solver.addEventListener(
                event -> lastOfEachSearch.put(index, event.getNewBestSolution())));
        RoutePlan best = search.solve(LinkedVisitsSolveTest.day(3, 30, false, false));

        // each search is the single search of its seed: search 0 on the problem, search 1 on a planning clone of it
        assertThat(routes(lastOfEachSearch.get(0))).isEqualTo(routes(seed5));
        assertThat(lastOfEachSearch.get(0).getScore()).isEqualTo(seed5.getScore());
        assertThat(routes(lastOfEachSearch.get(1))).isEqualTo(routes(seed6));
        assertThat(lastOfEachSearch.get(1).getScore()).isEqualTo(seed6.getScore());

        HardMediumSoftLongScore better = seed5.getScore().compareTo(seed6.getScore()) >= 0 ? seed5.getScore()
                : seed6.getScore();
        assertThat(best.getScore()).isEqualTo(better);
        assertThat(routes(best)).isEqualTo(routes(seed5.getScore().equals(better) ? seed5 : seed6));
        assertThat(passedOn).as("each best passed on beats the one before").isNotEmpty();
        for (int i = 1; i < passedOn.size(); i++) {
            assertThat(passedOn.get(i)).isGreaterThan(passedOn.get(i - 1));
        }
        assertThat(passedOn.get(passedOn.size() - 1)).isEqualTo(best.getScore());
    }

    @Test
    void oneSearchGivesThePlanOfOneSolver() {
        RoutePlan alone = single(SolverSmokeTest.problem(), settings(7));
        RoutePlan one = ParallelSearch.of(settings(7), SolverSmokeTest.problem()).solve(SolverSmokeTest.problem());
        assertThat(routes(one)).isEqualTo(routes(alone));
        assertThat(one.getScore()).isEqualTo(alone.getScore());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void terminateEarlyStopsEverySearch() throws InterruptedException {
        // no step limit: only a stop of every search ends this solve before its ten minutes
        SolveSettings endless = SolveSettings.of(Duration.ofMinutes(10)).withSearchThreads(2);
        RoutePlan problem = LinkedVisitsSolveTest.day(4, 40, false, false);
        ParallelSearch search = ParallelSearch.of(endless, problem).withThreadNamePrefix("stop-test");
        List<ai.timefold.solver.core.api.solver.Solver<RoutePlan>> built = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch bothSolving = new CountDownLatch(2);
        search.withCustomizer((solver, index) -> {
            built.add(solver);
            solver.addEventListener(event -> bothSolving.countDown());
        });
        AtomicReference<RoutePlan> result = new AtomicReference<>();
        Thread caller = new Thread(() -> result.set(search.solve(problem)), "stop-test-caller");
        caller.start();
        assertThat(bothSolving.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(search.isSolving()).isTrue();

        assertThat(search.terminateEarly()).isTrue();
        caller.join(TimeUnit.MINUTES.toMillis(1));

        assertThat(caller.isAlive()).as("solve returned").isFalse();
        assertThat(result.get()).isNotNull();
        assertThat(search.isSolving()).isFalse();
        assertThat(built).hasSize(2).allSatisfy(solver -> assertThat(solver.isSolving()).isFalse());
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("stop-test-")
                && !t.getName().equals("stop-test-caller") && t.isAlive());
    }

    /** Adds a new visit at location 2, with no window, to the working solution it is given. */
    private static final class AddVisit implements ProblemChange<RoutePlan> {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public void doChange(RoutePlan working, ProblemChangeDirector director) {
            runs.incrementAndGet();
            director.addEntity(visit("added", 2).build(), working.getVisits()::add);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aProblemChangeRunsOnceAndEverySearchEndsWithIt() {
        RoutePlan problem = SolverSmokeTest.problem();
        ParallelSearch search = ParallelSearch.of(settings(11).withSearchThreads(3), problem);
        Map<Integer, RoutePlan> lastOfEachSearch = new ConcurrentHashMap<>();
        search.withCustomizer((solver, index) -> solver.addEventListener(
                event -> lastOfEachSearch.put(index, event.getNewBestSolution())));
        AddVisit change = new AddVisit();
        AtomicInteger given = new AtomicInteger();
        List<RoutePlan> passedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        search.addEventListener(event -> {
            passedOn.add(event.getNewBestSolution());
            if (given.getAndIncrement() == 0) {
                search.addProblemChange(change); // at the first best: every search is still searching
            }
        });

        RoutePlan best = search.solve(problem);

        assertThat(change.runs).as("the change ran once, in the leader").hasValue(1);
        assertThat(search.isEveryProblemChangeProcessed()).isTrue();
        assertThat(lastOfEachSearch).hasSize(3);
        lastOfEachSearch.forEach((index, plan) -> assertThat(plan.getVisits()).as("search " + index)
                .anySatisfy(v -> {
                    assertThat(v.getId()).isEqualTo("added");
                    assertThat(v.getShift()).isNotNull();
                }));
        assertThat(best.getVisits()).extracting(Visit::getId).contains("added");
        assertThat(passedOn.get(passedOn.size() - 1).getVisits()).extracting(Visit::getId).contains("added");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aChangeGivenBeforeTheSolveRunsOnceAndEverySearchStartsFromIt() {
        // as the service does: the solver is known (and may take changes) just before it solves
        RoutePlan problem = SolverSmokeTest.problem();
        ParallelSearch search = ParallelSearch.of(settings(3).withSearchThreads(2), problem);
        Map<Integer, RoutePlan> lastOfEachSearch = new ConcurrentHashMap<>();
        search.withCustomizer((solver, index) -> solver.addEventListener(
                event -> lastOfEachSearch.put(index, event.getNewBestSolution())));
        AddVisit change = new AddVisit();
        search.addProblemChange(change);
        assertThat(search.isEveryProblemChangeProcessed()).isFalse();

        RoutePlan best = search.solve(problem);

        assertThat(change.runs).hasValue(1);
        assertThat(search.isEveryProblemChangeProcessed()).isTrue();
        assertThat(lastOfEachSearch).hasSize(2);
        lastOfEachSearch.values().forEach(plan -> assertThat(plan.getVisits()).extracting(Visit::getId)
                .contains("added"));
        assertThat(best.getVisits()).extracting(Visit::getId).contains("added");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aStopAskedForBeforeTheSolveEndsItWithTheFirstPlan() {
        // the service may stop a run between building its solver and solving: the solve still returns a plan
        RoutePlan problem = SolverSmokeTest.problem();
        ParallelSearch search = ParallelSearch.of(SolveSettings.of(Duration.ofMinutes(10)).withSearchThreads(2),
                problem);
        assertThat(search.terminateEarly()).as("not solving yet").isFalse();
        RoutePlan best = search.solve(problem);
        assertThat(best.getScore()).isNotNull();
        assertThat(search.isTerminateEarly()).as("reset for the next solve").isFalse();
    }

    @Test
    void aFailingSearchFailsTheSolveAndNamesIt() {
        RoutePlan problem = SolverSmokeTest.problem();
        ParallelSearch search = ParallelSearch.of(settings(1).withSearchThreads(2), problem);
        search.withCustomizer((solver, index) -> {
            if (index == 1) {
                solver.addEventListener(event -> {
                    throw new IllegalStateException("broken listener");
                });
            }
        });
        assertThatThrownBy(() -> search.solve(problem)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("search 1 of 2 failed").hasRootCauseMessage("broken listener");
        assertThat(search.isSolving()).isFalse();
    }

    @Test
    void theProductionConfigurationWithTwoSearchesPassesTrackedFullAssert() {
        // TRACKED_FULL_ASSERT recalculates every score from scratch and throws on corruption: ending is the test
        for (RoutePlan problem : List.of(SolverSmokeTest.problem(), LinkedVisitsSolveTest.day(2, 20))) {
            SolveSettings settings = SolveSettings.of(SAFETY).withStepCountLimit(60L).withRandomSeed(42L)
                    .withEnvironmentMode(EnvironmentMode.TRACKED_FULL_ASSERT).withSearchThreads(2);
            RoutePlan best = ParallelSearch.of(settings, problem).solve(problem);
            assertThat(best.getScore().hardScore()).isZero();
        }
    }

    @Test
    void theSettingsAcceptOneToSixteenSearches() {
        assertThat(SolveSettings.of(SAFETY).searchThreads()).isEqualTo(1);
        assertThatThrownBy(() -> SolveSettings.of(SAFETY).withSearchThreads(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SolveSettings.of(SAFETY).withSearchThreads(ParallelSearch.MAX_THREADS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
