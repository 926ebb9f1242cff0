package org.techroute.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.techroute.data.json.ProblemJson;

/**
 * The bundled demo (200 visits, 20 technicians, 2 days, haversine) solved with a fixed seed and a step limit (not
 * its 30 s wall-clock limit, so the outcome does not depend on the machine's load) gives a feasible plan, and the
 * plan's JSON passes an independent re-check of every served visit.
 */
class DemoPlanCheckTest {

    static final Path DEMO = Path.of("../docs/examples/demo-problem.json");

    @TempDir
    Path dir;

    @Test
    void demoPlanIsFeasibleAndKeepsEveryRule() throws Exception {
        Path output = dir.resolve("demo-plan.json");
        SolveCommandTest.Run run = SolveCommandTest.solve("--input", DEMO.toString(), "--output", output.toString(),
                "--seed", "1", "--steps", "1000", "--time-limit", "PT10M");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode plan = ProblemJson.mapper().readTree(output.toFile());
        JsonNode solution = plan.path("solution");
        assertThat(solution.path("score").asText()).startsWith("0hard/");
        assertThat(solution.path("feasible").asBoolean()).isTrue();
        assertThat(plan.path("visits")).hasSize(200);
        assertThat(plan.path("technicians")).hasSize(20);
        assertThat(PlanChecker.check(plan)).isEmpty();
        assertThat(solution.path("kpis").path("visitsAssigned").asInt()).isGreaterThan(0);
    }
}
