package org.techroute.api.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.api.plans.PlanRepository;
import org.techroute.api.plans.RunClaims;
import org.techroute.api.plans.PlanService;
import org.techroute.api.plans.PlanStatus;
import org.techroute.api.support.Problems;
import org.techroute.data.model.Problem;

/** The nightly batch, called directly (not by its cron): marked plans only, better results only, a report row. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NightlyJobTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("techroute-nightly");
        registry.add("techroute.data-dir", dir::toString);
        registry.add("techroute.nightly.cron", () -> "-");
        registry.add("techroute.solver.slots", () -> "2");
    }

    @Autowired
    NightlyJob nightly;
    @Autowired
    NightlyRuns nightlyRuns;
    @Autowired
    PlanService plans;
    @Autowired
    PlanRepository repository;
    @Autowired
    RunClaims claims;
    @Autowired
    TestRestTemplate http;

    @Test
    void markedPlansAreReoptimizedAndReported() throws Exception {
        String marked = solved(Duration.ofMillis(300));
        String unmarked = solved(Duration.ofMillis(300));
        String solving = submit(Duration.ofMinutes(2));

        assertThat(put("/api/plans/" + marked + "/nightly", "{\"enabled\": true}").getStatusCode().value())
                .isEqualTo(200);
        assertThat(put("/api/plans/" + solving + "/nightly", "{\"enabled\": true}").getBody())
                .contains("\"enabled\":true");
        assertThat(http.getForObject("/api/plans/" + unmarked + "/nightly", String.class))
                .contains("\"enabled\":false");
        assertThat(put("/api/plans/" + marked + "/nightly", "{\"on\": 1}").getStatusCode().value()).isEqualTo(400);
        assertThat(put("/api/plans/nope/nightly", "{\"enabled\": true}").getStatusCode().value()).isEqualTo(404);
        String scoreBefore = repository.findById(marked).orElseThrow().score();
        String unmarkedPlan = repository.findById(unmarked).orElseThrow().planJson();

        List<NightlyRuns.NightlyRun> report = nightly.run();

        assertThat(report).as("the plan being solved is skipped").hasSize(1);
        assertThat(report.get(0).planId()).isEqualTo(marked);
        assertThat(report.get(0).status()).as("a queued run, not solved on the scheduler thread")
                .isEqualTo("RUNNING");
        assertThat(repository.findById(marked).orElseThrow().runNumber()).as("a new run of the plan").isEqualTo(2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        NightlyRuns.NightlyRun run = report.get(0);
        while ("RUNNING".equals(run.status())) {
            assertThat(System.nanoTime()).as("the nightly run ended within 60 s").isLessThan(deadline);
            Thread.sleep(50);
            run = nightlyRuns.find(run.id()).orElseThrow();
        }
        assertThat(run.status()).isIn("IMPROVED", "NOT_BETTER");
        assertThat(run.scoreBefore()).isEqualTo(scoreBefore);
        assertThat(run.scoreAfter()).isNotNull();
        assertThat(run.finishedAt()).isNotNull();
        assertThat(run.kpisBefore()).contains("travelSeconds");
        String scoreNow = repository.findById(marked).orElseThrow().score();
        assertThat(scoreNow).isEqualTo("IMPROVED".equals(run.status()) ? run.scoreAfter() : scoreBefore);
        assertThat(repository.findById(unmarked).orElseThrow().planJson()).isEqualTo(unmarkedPlan);
        assertThat(claims.claimOf(marked).orElseThrow().owner()).as("the claim is given back").isNull();

        JsonNode rows = JSON.readTree(http.getForObject("/api/nightly-runs?limit=5", String.class));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("planId").asText()).isEqualTo(marked);
        assertThat(rows.get(0).get("status").asText()).isEqualTo(run.status());
        assertThat(rows.get(0).get("kpisBefore").isObject()).isTrue();
        assertThat(http.getForEntity("/api/nightly-runs?limit=0", String.class).getStatusCode().value())
                .isEqualTo(400);
        plans.stop(solving);
    }

    private ResponseEntity<String> put(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    private String submit(Duration limit) {
        Problem problem = Problems.demo(2, 8);
        problem = problem.withOptions(problem.options().withTimeLimit(limit));
        return plans.submit(problem, null, null).plan().id();
    }

    private String solved(Duration limit) throws InterruptedException {
        String id = submit(limit);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (repository.findById(id).orElseThrow().status() != PlanStatus.SOLVED) {
            assertThat(System.nanoTime()).as("plan %s solved within 60 s", id).isLessThan(deadline);
            Thread.sleep(50);
        }
        return id;
    }
}
