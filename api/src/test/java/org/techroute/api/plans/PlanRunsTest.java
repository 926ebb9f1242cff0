package org.techroute.api.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.api.errors.ApiException;
import org.techroute.api.support.Problems;
import org.techroute.api.support.TestDatabases;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;

/** The runs of plans without Spring: slots and queue, stopping waiting and running plans, shutdown. */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a safety net against a job that never ends, not a measurement
class PlanRunsTest {

    @TempDir
    Path dir;
    DataSource dataSource;
    PlanRepository repository;
    PlanRuns jobs;

    @BeforeEach
    void setUp() {
        dataSource = TestDatabases.h2(dir);
        repository = new PlanRepository(JdbcClient.create(dataSource));
        jobs = jobs("1");
    }

    private PlanRuns jobs(String slots) {
        TechrouteProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "techroute.solver.slots", slots, "techroute.solver.queue-length", "1",
                "techroute.solver.save-interval", "PT0.2S"))).bindOrCreate("techroute", TechrouteProperties.class);
        return new PlanRuns(repository, new RunClaims(JdbcClient.create(dataSource)), new PlanEvents(properties, ProblemJson.mapper()),
                Problems.planner(), ProblemJson.mapper(), properties, new SimpleMeterRegistry());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        jobs.shutdown();
        JdbcClient.create(dataSource).sql("SHUTDOWN").update();
    }

    private String queue(Duration timeLimit) {
        return queue(timeLimit, 1);
    }

    private String queue(Duration timeLimit, int searchThreads) {
        Problem problem = Problems.demo(2, 8);
        problem = problem.withOptions(problem.options().withTimeLimit(timeLimit).withSearchThreads(searchThreads));
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        repository.insert(new PlanRecord(id, "t", PlanStatus.QUEUED, null, 1, ProblemJson.write(problem), null,
                null, null, null, null, now, now, null, null));
        Problem queued = problem;
        jobs.starts().start(queued, id, 1, null, null, () -> Problems.planner().prepare(queued));
        return id;
    }

    private PlanRecord plan(String id) {
        return repository.findById(id).orElseThrow();
    }

    /** Polls every 20 ms for at most 60 s (a loaded machine), then fails. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void queuesBeyondTheSlotsAndRefusesBeyondTheQueue() throws InterruptedException {
        String running = queue(Duration.ofMinutes(5));
        String waiting = queue(Duration.ofMinutes(5));
        assertThatThrownBy(() -> jobs.slots().reserve(1)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status().value()).isEqualTo(429));

        // a waiting plan stops at once and frees its place
        assertThat(jobs.stop(waiting, "stopped on request")).isTrue();
        assertThat(plan(waiting).status()).isEqualTo(PlanStatus.STOPPED);
        jobs.slots().reserve(1).release();

        // a running plan stops after its current step, keeping what it found
        jobs.stop(running, "stopped on request");
        await(() -> !plan(running).status().isActive());
        assertThat(plan(running).status()).isEqualTo(PlanStatus.STOPPED);
        assertThat(plan(running).statusReason()).isEqualTo("stopped on request");
        // the run shows its final status a moment before it leaves the instance's runs (a loaded machine: longer)
        await(() -> jobs.live(running).isEmpty());
    }

    @Test
    void solvesToItsTimeLimitAndSavesThePlan() throws Exception {
        String id = queue(Duration.ofSeconds(1));
        await(() -> !plan(id).status().isActive());
        PlanRecord solved = plan(id);
        assertThat(solved.status()).isEqualTo(PlanStatus.SOLVED);
        assertThat(solved.score()).isNotNull();
        Problem document = ProblemJson.read(solved.planJson());
        assertThat(document.solution().score()).isEqualTo(solved.score());
        assertThat(repository.scoreHistory(id)).isNotEmpty()
                .last().extracting(PlanRepository.ScorePoint::score).isEqualTo(solved.score());
    }

    @Test
    void shutdownStopsRunningPlansAndSavesTheirBest() throws InterruptedException {
        String id = queue(Duration.ofMinutes(5));
        await(() -> jobs.live(id).map(live -> live.score() != null).orElse(false));
        jobs.shutdown();
        PlanRecord stopped = plan(id);
        assertThat(stopped.status()).isEqualTo(PlanStatus.STOPPED);
        assertThat(stopped.statusReason()).isEqualTo("the service shut down");
        assertThat(stopped.planJson()).contains("\"solution\"");
        assertThatThrownBy(() -> jobs.slots().reserve(1)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status().value()).isEqualTo(503));
    }

    /** Issue 13: a run of 2 search threads solves on 2 threads and holds 2 slots; a 1-thread run waits for one. */
    @Test
    void aRunOfTwoSearchThreadsHoldsTwoSlots() throws InterruptedException {
        jobs.shutdown();
        jobs = jobs("2");
        String parallel = queue(Duration.ofMinutes(5), 2);
        await(() -> jobs.live(parallel).map(live -> live.score() != null).orElse(false));
        String single = queue(Duration.ofMinutes(5), 1);
        assertThat(jobs.slots().busyThreads()).isEqualTo(2);
        assertThat(jobs.live(single).orElseThrow().status()).as("no slot free").isEqualTo(PlanStatus.QUEUED);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .contains("techroute-search-" + parallel + "-0", "techroute-search-" + parallel + "-1");
        assertThatThrownBy(() -> jobs.slots().reserve(1)).as("2 slots and 1 queue place taken")
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(429));

        jobs.stop(parallel, "make room");
        await(() -> !plan(parallel).status().isActive());
        assertThat(plan(parallel).status()).isEqualTo(PlanStatus.STOPPED);
        assertThat(plan(parallel).planJson()).as("its best was kept").contains("\"solution\"");
        await(() -> jobs.live(single).map(live -> live.status() == PlanStatus.SOLVING).orElse(false));
        assertThat(jobs.slots().busyThreads()).isEqualTo(1);
        await(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("techroute-search-" + parallel)));
    }
}
