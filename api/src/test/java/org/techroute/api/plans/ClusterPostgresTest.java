package org.techroute.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techroute.api.TechrouteApplication;
import org.techroute.api.support.Problems;
import org.techroute.api.support.TestDatabases;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;

/**
 * Two service instances on one PostgreSQL (a schema of this run's own): every plan is solved exactly once,
 * whichever instance it was submitted to or whether it was put straight into the database; a plan held by an
 * instance that died (expired claim) is taken over; a live claim is respected.
 */
@PostgresAvailable
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClusterPostgresTest {

    static final String SCHEMA = TestDatabases.newSchema("techroute_cluster_");
    static final ObjectMapper JSON = new ObjectMapper();
    static DataSource dataSource;
    static PlanRepository repository;
    static RunClaims claims;
    static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.postgres(SCHEMA);
        repository = new PlanRepository(JdbcClient.create(dataSource));
        claims = new RunClaims(JdbcClient.create(dataSource));
        INSTANCES.add(instance("instance-a"));
        INSTANCES.add(instance("instance-b"));
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(ConfigurableApplicationContext::close);
        TestDatabases.dropSchema(dataSource, SCHEMA);
    }

    static ConfigurableApplicationContext instance(String name) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--techroute.data-dir=" + Files.createTempDirectory("techroute-" + name),
                "--techroute.cluster.enabled=true", "--techroute.cluster.instance-id=" + name,
                "--techroute.cluster.lease=PT3S", "--techroute.cluster.poll-interval=PT0.2S",
                "--techroute.solver.slots=1", "--techroute.solver.save-interval=PT0.2S",
                "--techroute.nightly.cron=-", "--techroute.api.status-cache-ttl=PT1H"));
        args.addAll(TestDatabases.postgresArguments(SCHEMA));
        return new SpringApplicationBuilder(TechrouteApplication.class).run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    static Problem problem() {
        Problem problem = Problems.demo(2, 6);
        return problem.withOptions(problem.options().withTimeLimit(Duration.ofMillis(500)));
    }

    static String submit(ConfigurableApplicationContext instance) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port(instance) + "/api/plans"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProblemJson.write(problem()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asText();
    }

    /** A plan put straight into the database, as QUEUED, optionally held by an instance until a time. */
    static String insert(PlanStatus status, String claimedBy, OffsetDateTime claimedUntil) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        repository.insert(new PlanRecord(id, "direct", status, null, 1, ProblemJson.write(problem()), null, null,
                null, null, null, now, now, null, null));
        JdbcClient.create(dataSource).sql("UPDATE plan SET claimed_by = :by, claimed_until = :until WHERE id = :id")
                .param("by", claimedBy).param("until", claimedUntil).param("id", id).update();
        return id;
    }

    static void awaitFinished(List<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String id : ids) {
            while (repository.findById(id).orElseThrow().status().isActive()) {
                assertThat(System.nanoTime()).as("plan %s finished within 60 s", id).isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    @Test
    void everyPlanIsSolvedExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(submit(INSTANCES.get(i % 2)));
        }
        for (int i = 0; i < 5; i++) {
            ids.add(insert(PlanStatus.QUEUED, null, null));
        }
        awaitFinished(ids);
        for (String id : ids) {
            PlanRecord plan = repository.findById(id).orElseThrow();
            assertThat(plan.status()).as(id).isEqualTo(PlanStatus.SOLVED);
            assertThat(plan.planJson()).as(id).contains("\"solution\"");
            RunClaims.Claim claim = claims.claimOf(id).orElseThrow();
            assertThat(claim.solveCount()).as("%s solved exactly once", id).isEqualTo(1);
            assertThat(claim.owner()).as("%s: the claim is given back", id).isNull();
        }
    }

    @Test
    void aClaimOfADeadInstanceExpiresAndIsTakenOverButALiveOneIsRespected() throws Exception {
        OffsetDateTime past = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        String waitingAtDeadInstance = insert(PlanStatus.QUEUED, "dead-instance", past);
        String solvingAtDeadInstance = insert(PlanStatus.SOLVING, "dead-instance", past);
        String heldByLiveInstance = insert(PlanStatus.QUEUED, "live-instance",
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10));

        awaitFinished(List.of(waitingAtDeadInstance, solvingAtDeadInstance));

        PlanRecord taken = repository.findById(waitingAtDeadInstance).orElseThrow();
        assertThat(taken.status()).isEqualTo(PlanStatus.SOLVED);
        assertThat(claims.claimOf(waitingAtDeadInstance).orElseThrow().solveCount()).isEqualTo(1);
        PlanRecord orphan = repository.findById(solvingAtDeadInstance).orElseThrow();
        assertThat(orphan.status()).as("on-restart=stop: the dead instance's run is stopped")
                .isEqualTo(PlanStatus.STOPPED);
        assertThat(orphan.statusReason()).contains("stopped before this run ended");

        PlanRecord held = repository.findById(heldByLiveInstance).orElseThrow();
        assertThat(held.status()).isEqualTo(PlanStatus.QUEUED);
        RunClaims.Claim claim = claims.claimOf(heldByLiveInstance).orElseThrow();
        assertThat(claim.owner()).isEqualTo("live-instance");
        assertThat(claim.solveCount()).isZero();
        repository.delete(heldByLiveInstance);
    }

    static JsonNode statusAt(ConfigurableApplicationContext instance, String id) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port(instance) + "/api/plans/" + id + "/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void aStatusReadAtOneInstanceSeesAWriteAtAnotherThoughStatusesAreServedFromMemory() throws Exception {
        String id = submit(INSTANCES.get(0));
        awaitFinished(List.of(id));
        ConfigurableApplicationContext b = INSTANCES.get(1);
        assertThat(statusAt(b, id).get("status").asText()).isEqualTo("SOLVED"); // b now holds it for an hour

        String reason = "marked at instance-a";
        assertThat(INSTANCES.get(0).getBean(PlanRepository.class).updateStatus(id, EnumSet.of(PlanStatus.SOLVED),
                PlanStatus.SOLVED, reason, OffsetDateTime.now(ZoneOffset.UTC))).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!reason.equals(statusAt(b, id).path("reason").asText())) {
            assertThat(System.nanoTime()).as("instance-b dropped its copy on instance-a's notification").isLessThan(
                    deadline);
            Thread.sleep(20);
        }
    }
}
