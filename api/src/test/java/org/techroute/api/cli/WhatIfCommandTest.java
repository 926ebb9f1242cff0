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

class WhatIfCommandTest {

    @TempDir
    Path dir;

    private int run(ByteArrayOutputStream err, String... args) {
        return new WhatIfCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void writesTheComparisonAsHtmlAndJson() throws Exception {
        ObjectNode problem = (ObjectNode) ProblemJson.mapper().readTree(SolveCommandTest.SMALL_PROBLEM.toFile());
        ((ObjectNode) problem.get("options")).put("stepLimit", 100);
        Path input = dir.resolve("problem.json");
        Files.writeString(input, problem.toString());
        Path report = dir.resolve("report.html");
        Path json = dir.resolve("results.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = run(err, "--input", input.toString(), "--variants", "../docs/examples/what-if-variants.json",
                "--output", report.toString(), "--json", json.toString());
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(report)).contains("<th scope=\"col\">as planned</th>")
                .contains("<th scope=\"col\">weigh travel less</th>");
        JsonNode results = ProblemJson.mapper().readTree(json.toFile());
        assertThat(results).hasSize(5);
        assertThat(results.get(0).path("kpis").path("visitsAssigned").asInt()).isEqualTo(6);
    }

    @Test
    void aBadVariantsFileIsExplainedAndNothingIsWritten() throws Exception {
        Path variants = dir.resolve("variants.json");
        Files.writeString(variants, "{\"variants\": [{\"name\": \"x\", \"removeTechnicians\": [\"ben\"]}]}");
        Path report = dir.resolve("report.html");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = run(err, "--input", SolveCommandTest.SMALL_PROBLEM.toString(), "--variants",
                variants.toString(), "--output", report.toString());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("$.variants[0].removeTechnicians (x): unknown field 'removeTechnicians'");
        assertThat(report).doesNotExist();
    }
}
