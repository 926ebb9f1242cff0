package org.techroute.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.api.support.ApiClient;
import org.techroute.api.support.Problems;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;

/**
 * Timefold's own solver metrics ({@code timefold.solver.*}) are on {@code /actuator/prometheus} next to the
 * service's: the solve duration and errors always, best score, move evaluation and score calculation counts while a
 * plan solves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SolverMetricsTest {

    private static final Logger LOG = LoggerFactory.getLogger(SolverMetricsTest.class);
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("techroute-metrics");
        registry.add("techroute.data-dir", dir::toString);
        registry.add("techroute.nightly.cron", () -> "-");
    }

    @LocalServerPort
    int port;

    @Test
    void timefoldsSolverMetricsAreScrapedWhileAPlanSolves() throws Exception {
        ApiClient api = new ApiClient(port, Duration.ofSeconds(60));
        Problem problem = Problems.demo(3, 10);
        problem = problem.withOptions(problem.options().withTimeLimit(Duration.ofSeconds(20)));
        String id = JSON.readTree(api.post("/api/plans", ProblemJson.write(problem)).body()).get("id").asText();
        api.await("/api/plans/" + id + "/status", s -> s.hasNonNull("score"));

        List<String> wanted = List.of("timefold_solver_solve_duration_seconds", "timefold_solver_errors_total",
                "timefold_solver_best_score_hard_score", "timefold_solver_move_evaluation_count",
                "timefold_solver_score_calculation_count", "techroute_solver_running");
        String scrape = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            scrape = api.send(HttpRequest.newBuilder(api.uri("/actuator/prometheus")).build()).body();
            String current = scrape;
            if (wanted.stream().allMatch(current::contains)) {
                break;
            }
            Thread.sleep(200);
        }
        Set<String> names = scrape.lines().filter(l -> l.startsWith("timefold_solver"))
                .map(l -> l.replaceAll("[{ ].*", "")).collect(Collectors.toCollection(TreeSet::new));
        LOG.info("timefold metrics while solving: {}; e.g. {}", names, scrape.lines()
                .filter(l -> l.startsWith("timefold_solver_best_score_soft_score")
                        || l.startsWith("timefold_solver_move_evaluation_count")
                        || l.startsWith("timefold_solver_solve_duration_seconds_count"))
                .collect(Collectors.joining(" | ")));
        for (String name : wanted) {
            assertThat(scrape).as("the scrape has %s; timefold metrics: %s", name, names).contains(name);
        }
        api.send(HttpRequest.newBuilder(api.uri("/api/plans/" + id + "/solving")).DELETE().build());
    }
}
