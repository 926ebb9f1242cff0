package org.techroute.api.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.api.support.Problems;
import org.techroute.api.support.TestDatabases;
import org.techroute.data.changes.ChangeApplier;
import org.techroute.data.changes.PlanChangeRequest;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Step;
import org.techroute.data.model.Violation;
import org.techroute.data.solve.Planner;
import org.techroute.data.validation.InvalidProblemException;

/**
 * Live changes in the job machinery, without Spring: a change goes into the routes the solver is working on
 * (not a saved copy), a change the solver cannot take leaves it unchanged, and runs for the day in progress
 * get a solver slot before ordinary ones. No wall-clock luck: saves are switched off (a save interval of an
 * hour) so that only the solver's own routes can explain what the change pinned, and the queue order is
 * observed with runs that only end when stopped.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a safety net; every wait below is bounded on its own
class LiveChangeJobsTest {

    static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-24T12:00:00+01:00");

    @TempDir
    Path dir;
    PlanRepository repository;
    PlanRuns jobs;
    DataSource dataSource;
    final Planner planner = Problems.planner();

    private void start(String slots, String queueLength, String saveInterval) {
        dataSource = TestDatabases.h2(dir);
        repository = new PlanRepository(JdbcClient.create(dataSource));
        TechrouteProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "techroute.solver.slots", slots, "techroute.solver.queue-length", queueLength,
                "techroute.solver.save-interval", saveInterval))).bindOrCreate("techroute", TechrouteProperties.class);
        jobs = new PlanRuns(repository, new RunClaims(JdbcClient.create(dataSource)), new PlanEvents(properties,
                ProblemJson.mapper()),
                planner, ProblemJson.mapper(), properties, new SimpleMeterRegistry());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (jobs != null) {
            jobs.shutdown();
            JdbcClient.create(dataSource).sql("SHUTDOWN").update();
        }
    }

    private String insert(Problem problem) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        repository.insert(new PlanRecord(id, "t", PlanStatus.QUEUED, null, 1, ProblemJson.write(problem), null,
                null, null, null, null, now, now, null, null));
        return id;
    }

    private static Problem demo(Duration timeLimit) {
        Problem problem = Problems.demo(2, 8);
        return problem.withOptions(problem.options().withTimeLimit(timeLimit));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private PlanStatus status(String id) {
        return jobs.live(id).map(PlanRuns.Live::status)
                .orElseGet(() -> repository.findById(id).orElseThrow().status());
    }

    private Problem storedProblem(String id) throws Exception {
        return ProblemJson.read(repository.findById(id).orElseThrow().problemJson());
    }

    private String solving(Duration timeLimit) throws InterruptedException {
        return solving(timeLimit, 1);
    }

    private String solving(Duration timeLimit, int threads) throws InterruptedException {
        Problem problem = demo(timeLimit);
        Problem document = problem.withOptions(problem.options().withSearchThreads(threads));
        String id = insert(document);
        jobs.starts().start(document, id, 1, null, null, () -> planner.prepare(document));
        await(() -> jobs.live(id).map(live -> live.score() != null).orElse(false));
        return id;
    }

    /** With 2 search threads (issue 13) the change runs once, in the search with the best routes, the leader. */
    @ParameterizedTest(name = "{0} search threads")
    @ValueSource(ints = { 1, 2 })
    void aLiveChangeIsAppliedToTheRoutesTheSolverIsWorkingOn(int threads) throws Exception {
        // nothing saved while solving: the only routes there are are the solver's; one slot per search thread
        start(String.valueOf(threads), "1", "PT1H");
        String id = solving(Duration.ofMinutes(5), threads);
        PlanChangeRequest request = new PlanChangeRequest(NOON, List.of());
        // the solver starts from empty routes: wait until its best serves every visit (0medium), so that some
        // start before noon
        await(() -> jobs.live(id).map(live -> live.score() != null && live.score().contains("/0medium/"))
                .orElse(false));
        LiveChanges.LiveChange change = jobs.changeLive(id, base -> ChangeApplier.apply(base, request))
                .orElseThrow();
        Problem first = change.firstBest().get(60, TimeUnit.SECONDS);

        ChangeTrack.View view = change.track().view();
        assertThat(view.state()).isEqualTo(ChangeTrack.State.APPLIED);
        assertThat(view.provisional()).isTrue();
        ChangeTrack.BasedOn basedOn = view.basedOn();
        assertThat(basedOn.started()).as("visits the solver had started before noon").isNotEmpty();
        assertThat(storedProblem(id).now()).as("the changed plan is stored").isEqualTo(NOON);
        // the first best solution after a problem change is the solver's working solution with the change in it:
        // the routes the change was applied to are the routes the solver had
        Map<String, List<String>> firstRoutes = new HashMap<>();
        Map<String, OffsetDateTime> serviceStart = new HashMap<>();
        for (Route route : first.solution().routes()) {
            firstRoutes.put(route.shiftId(), route.visitIds());
            for (Step step : route.steps()) {
                if (step.type() == Step.StepType.SERVICE) {
                    serviceStart.put(step.visitId(), step.start());
                }
            }
        }
        Map<String, List<String>> basedOnRoutes = new HashMap<>();
        basedOn.routes().forEach(r -> basedOnRoutes.put(r.shiftId(), r.visitIds()));
        assertThat(firstRoutes).isEqualTo(basedOnRoutes);
        // every visit that starts before noon is pinned where it is, with its start
        Map<String, ChangeTrack.BasedOn.StartedVisit> started = new HashMap<>();
        basedOn.started().forEach(s -> started.put(s.visitId(), s));
        serviceStart.forEach((visitId, start) -> {
            if (start.isBefore(NOON)) {
                assertThat(started).as(visitId + " started before noon").containsKey(visitId);
            }
        });
        started.values().forEach(s -> {
            assertThat(firstRoutes.get(s.shiftId()).get(s.position())).isEqualTo(s.visitId());
            assertThat(serviceStart.get(s.visitId()).toInstant()).isEqualTo(s.start().toInstant());
        });
        assertThat(first.visits()).filteredOn(v -> v.pin() != null && v.pin().start() != null)
                .hasSize(basedOn.started().size());

        jobs.stop(id, "done");
        assertThat(jobs.awaitEnd(id, Duration.ofSeconds(60))).isTrue();
        ChangeTrack.View done = change.track().view();
        assertThat(done.provisional()).as("the run ended: the diff is final").isFalse();
        Problem saved = ProblemJson.read(repository.findById(id).orElseThrow().planJson());
        assertThat(done.score()).isEqualTo(saved.solution().score());
    }

    @Test
    void aChangeTheSolverCannotApplyLeavesItUnchanged() throws Exception {
        start("1", "1", "PT1H");
        String id = solving(Duration.ofMinutes(5));
        PlanChangeRequest request = new PlanChangeRequest(NOON, List.of());
        AtomicInteger calls = new AtomicInteger();
        // valid against the newest known plan, invalid against the solver's routes (second call)
        UnaryOperator<Problem> apply = base -> {
            if (calls.incrementAndGet() == 2) {
                throw new InvalidProblemException(List.of(new Violation("$.changes[0].visitId", "v1",
                        "visit 'v1' has not started")));
            }
            return ChangeApplier.apply(base, request);
        };
        LiveChanges.LiveChange refused = jobs.changeLive(id, apply).orElseThrow();
        assertThatThrownBy(() -> refused.firstBest().get(60, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InvalidProblemException.class);
        ChangeTrack.View view = refused.track().view();
        assertThat(view.state()).isEqualTo(ChangeTrack.State.FAILED);
        assertThat(view.violations()).extracting(Violation::path).containsExactly("$.changes[0].visitId");
        assertThat(view.basedOn()).isNull();
        assertThat(storedProblem(id).now()).as("nothing stored").isNull();
        assertThat(status(id)).as("still solving, same run").isEqualTo(PlanStatus.SOLVING);
        assertThat(jobs.live(id).orElseThrow().run()).isEqualTo(1);

        // the next change goes in as usual
        LiveChanges.LiveChange next = jobs.changeLive(id, base -> ChangeApplier.apply(base, request))
                .orElseThrow();
        Problem first = next.firstBest().get(60, TimeUnit.SECONDS);
        assertThat(first.now()).isEqualTo(NOON);
        assertThat(next.track().view().state()).isEqualTo(ChangeTrack.State.APPLIED);
        assertThat(storedProblem(id).now()).isEqualTo(NOON);
    }

    @Test
    void runsForTheDayInProgressGoBeforeOrdinaryOnes() throws Exception {
        start("1", "3", "PT0.2S");
        String busy = solving(Duration.ofMinutes(5));
        // queued in this order, all of them only end when stopped
        String ordinary = insert(demo(Duration.ofMinutes(5)));
        jobs.starts().start(demo(Duration.ofMinutes(5)), ordinary, 1, null, null,
                () -> planner.prepare(demo(Duration.ofMinutes(5))));
        String change = insert(demo(Duration.ofMinutes(5)));
        jobs.starts().start(demo(Duration.ofMinutes(5)), change, 1, SolverSlots.Priority.DAY_IN_PROGRESS, null,
                () -> planner.prepare(demo(Duration.ofMinutes(5))));
        Problem withNow = demo(Duration.ofMinutes(5)).withNow(NOON);
        String today = insert(withNow);
        jobs.starts().start(withNow, today, 1, null, null, () -> planner.prepare(withNow));
        assertThat(List.of(status(ordinary), status(change), status(today))).containsOnly(PlanStatus.QUEUED);

        jobs.stop(busy, "make room");
        await(() -> status(change) == PlanStatus.SOLVING);
        assertThat(status(ordinary)).isEqualTo(PlanStatus.QUEUED);
        assertThat(status(today)).isEqualTo(PlanStatus.QUEUED);

        jobs.stop(change, "make room");
        await(() -> status(today) == PlanStatus.SOLVING);
        assertThat(status(ordinary)).as("a plan with now goes before an earlier ordinary one")
                .isEqualTo(PlanStatus.QUEUED);

        jobs.stop(today, "make room");
        await(() -> status(ordinary) == PlanStatus.SOLVING);
        jobs.stop(ordinary, "done");
    }
}
