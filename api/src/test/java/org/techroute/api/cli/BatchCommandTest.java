package org.techroute.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.techroute.data.json.ProblemJson;

class BatchCommandTest {

    @TempDir
    Path dir;

    @Test
    void reoptimizesEveryPlanKeepsOnlyBetterOnesAndReports() throws Exception {
        ObjectNode problem = (ObjectNode) ProblemJson.mapper().readTree(SolveCommandTest.SMALL_PROBLEM.toFile());
        ((ObjectNode) problem.get("options")).put("stepLimit", 50);
        Files.writeString(dir.resolve("a-problem.json"), problem.toString());
        // an already solved plan: the golden one; re-solving it for 50 steps cannot beat it by much, and if
        // it does not, the file must stay byte for byte as it was
        Files.copy(SolveCommandTest.SMALL_PLAN, dir.resolve("b-plan.json"));
        Files.writeString(dir.resolve("c-broken.json"), "{ not json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new BatchCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run(new String[] {
                        "--folder", dir.toString() });
        assertThat(status).as("a broken file makes the batch report a failure").isEqualTo(1);

        JsonNode report = ProblemJson.mapper().readTree(dir.resolve("batch-report.json").toFile());
        assertThat(report).hasSize(3);
        assertThat(report.get(0).path("status").asText()).isEqualTo("SOLVED");
        assertThat(ProblemJson.mapper().readTree(dir.resolve("a-problem.json").toFile()).has("solution")).isTrue();
        String planStatus = report.get(1).path("status").asText();
        assertThat(planStatus).isIn("IMPROVED", "NOT_BETTER");
        if (planStatus.equals("NOT_BETTER")) {
            assertThat(Files.readString(dir.resolve("b-plan.json"))).isEqualTo(Files.readString(
                    SolveCommandTest.SMALL_PLAN));
        }
        assertThat(report.get(1).path("kpisBefore").path("visitsAssigned").asInt()).isEqualTo(6);
        assertThat(report.get(2).path("status").asText()).isEqualTo("FAILED");
        assertThat(report.get(2).path("error").asText()).contains("malformed JSON");
        assertThat(Files.readString(dir.resolve("c-broken.json"))).isEqualTo("{ not json");
    }
}
