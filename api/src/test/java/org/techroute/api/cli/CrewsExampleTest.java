package org.techroute.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.techroute.data.json.ProblemJson;

/**
 * The worked example of issue 16, {@code docs/examples/crews-problem.json}: the small example over two days with a
 * crew of two electricians (v3, v7), a dependency within the day with a maximum delay (v6 after v2), one across days
 * on the same technician (v8, commissioning, after v4), parts on the vans and a driving limit on ben's shifts. Solved
 * by the command line (seed 1, 200 steps) into a feasible plan that serves every visit and that the independent
 * checker accepts.
 */
class CrewsExampleTest {

    static final Path EXAMPLE = Path.of("../docs/examples/crews-problem.json");

    @TempDir
    Path dir;

    static JsonNode service(JsonNode plan, String visitId) {
        for (JsonNode route : plan.path("solution").path("routes")) {
            for (JsonNode step : route.path("steps")) {
                if (step.path("type").asText().equals("SERVICE") && step.path("visitId").asText().equals(visitId)) {
                    return step;
                }
            }
        }
        throw new AssertionError(visitId + " is not served");
    }

    static String shiftOf(JsonNode plan, String visitId) {
        for (JsonNode route : plan.path("solution").path("routes")) {
            for (JsonNode id : route.path("visitIds")) {
                if (id.asText().equals(visitId)) {
                    return route.path("shiftId").asText();
                }
            }
        }
        return null;
    }

    @Test
    void theExampleIsSolvedKeepingEveryRule() throws IOException {
        Path output = dir.resolve("plan.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new SolveCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] { "--input", EXAMPLE.toString(),
                        "--output", output.toString(), "--steps", "200", "--seed", "1" });
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode plan = ProblemJson.mapper().readTree(output.toFile());
        assertThat(plan.path("solution").path("feasible").asBoolean()).as(plan.path("solution").path("score")
                .asText()).isTrue();
        assertThat(plan.path("solution").path("unassignedVisits")).isEmpty();
        assertThat(PlanChecker.check(plan)).isEmpty();
        // the crew: two technicians, one start, each route shows the other
        assertThat(service(plan, "v3").path("start").asText()).isEqualTo(service(plan, "v7").path("start").asText());
        assertThat(service(plan, "v3").path("crew").path("members").get(0).path("visitId").asText()).isEqualTo("v7");
        // commissioning the next day, by the technician who installed
        assertThat(shiftOf(plan, "v4")).isEqualTo("anna-mon");
        assertThat(shiftOf(plan, "v8")).isEqualTo("anna-tue");
        assertThat(OffsetDateTime.parse(service(plan, "v6").path("start").asText())).isAfterOrEqualTo(
                OffsetDateTime.parse(service(plan, "v2").path("end").asText()).plusMinutes(30));
    }
}
