package org.techroute.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.techroute.data.road.RequiresOsm;
import org.techroute.data.road.SharedOsm;
import org.techroute.data.json.ProblemJson;

/** Road travel from the command line, with the extract configured as a user would (TECHROUTE_OSM_FILE). */
@RequiresOsm("liechtenstein.osm.pbf")
class RoadCommandLineTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void configure() {
        System.setProperty("techroute.osm.file", SharedOsm.require("liechtenstein.osm.pbf").toString());
        System.setProperty("techroute.data-dir", dir.toString());
    }

    @AfterAll
    static void restore() {
        System.clearProperty("techroute.osm.file");
        System.clearProperty("techroute.data-dir");
    }

    @Test
    void generatesAndSolvesARoadDemoAndRefusesALocationOffTheMap() throws Exception {
        Path problem = dir.resolve("road-problem.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int generated = new GenerateCommand(new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {
                "--output", problem.toString(), "--travel-mode", "road", "--technicians", "3", "--visits", "10",
                "--days", "1", "--first-day", "2026-11-24", "--seed", "4" });
        assertThat(generated).as(err.toString(StandardCharsets.UTF_8)).isZero();

        Path plan = dir.resolve("road-plan.json");
        SolveCommandTest.Run run = SolveCommandTest.solve("--input", problem.toString(), "--output", plan.toString(),
                "--steps", "200");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains("(road travel)");
        JsonNode solution = ProblemJson.mapper().readTree(plan.toFile()).path("solution");
        assertThat(solution.path("feasible").asBoolean()).isTrue();
        assertThat(solution.path("snaps")).hasSize(13);
        assertThat(PlanChecker.check(ProblemJson.mapper().readTree(plan.toFile()))).isEmpty();

        ObjectNode tree = (ObjectNode) ProblemJson.mapper().readTree(problem.toFile());
        ((ObjectNode) tree.withArray("visits").get(2)).putObject("location").put("lat", 47.9).put("lon", 9.5);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, tree.toString());
        Path badPlan = dir.resolve("bad-plan.json");
        SolveCommandTest.Run refused = SolveCommandTest.solve("--input", bad.toString(), "--output",
                badPlan.toString());
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("$.visits[2].location (V003): the location (47.9,9.5) is outside the road"
                + " map").contains("nothing was written");
        assertThat(badPlan).doesNotExist();
    }
}
