package org.techroute.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.techroute.data.json.ProblemJson;

class SolveCommandTest {

    static final Path SMALL_PROBLEM = Path.of("../docs/examples/small-problem.json");
    /** The expected plan for the small problem, seed 1, 300 steps. Regenerate with -Dtechroute.update-golden=true. */
    static final Path SMALL_PLAN = Path.of("../docs/examples/small-plan.json");

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run solve(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new SolveCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fixedSeedAndStepLimitGiveTheGoldenPlanByteForByte() throws IOException {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        Run run = solve("--input", SMALL_PROBLEM.toString(), "--output", first.toString(), "--steps", "300",
                "--seed", "1");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains("best score");
        assertThat(solve("--input", SMALL_PROBLEM.toString(), "--output", second.toString(), "--steps", "300",
                "--seed", "1").status()).isZero();
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
        if (Boolean.getBoolean("techroute.update-golden")) {
            Files.copy(first, SMALL_PLAN, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Files.readString(first)).as("differs from %s; if the change is intended, rerun with"
                + " -Dtechroute.update-golden=true and review the diff", SMALL_PLAN)
                .isEqualTo(Files.readString(SMALL_PLAN));
    }

    @Test
    void theSmallPlanKeepsEveryRule() throws IOException {
        Path output = dir.resolve("plan.json");
        assertThat(solve("--input", SMALL_PROBLEM.toString(), "--output", output.toString(), "--steps", "300")
                .status()).isZero();
        JsonNode plan = ProblemJson.mapper().readTree(output.toFile());
        assertThat(PlanChecker.check(plan)).isEmpty();
        assertThat(plan.path("solution").path("feasible").asBoolean()).isTrue();
        // the pinned visit stays first on its shift
        assertThat(plan.path("solution").path("routes").get(0).path("visitIds").get(0).asText()).isEqualTo("v1");
    }

    static Stream<Arguments> badProblems() {
        return Stream.of(
                Arguments.of("duplicate ids", (Consumer<ObjectNode>) t -> visit(t, 1).put("id", "v1"),
                        "$.visits[1].id (v1): duplicate visit id 'v1'"),
                Arguments.of("unknown technician of a shift",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) t.withArray("shifts").get(1)).put("technicianId",
                                "carl"),
                        "$.shifts[1].technicianId (ben-mon): unknown technician 'carl'"),
                Arguments.of("two overlapping shifts of one technician",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) t.withArray("shifts").get(1)).put("technicianId",
                                "anna"),
                        "$.shifts[1] (ben-mon): shift 'ben-mon' (2026-11-23T08:00+01:00 to 2026-11-23T16:00+01:00)"
                                + " overlaps shift 'anna-mon' ($.shifts[0]"),
                Arguments.of("window ends before it starts",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) visit(t, 3).withArray("timeWindows").get(0))
                                .put("end", "2026-11-23T11:00:00+01:00"),
                        "$.visits[3].timeWindows[0] (v4): the time window ends"),
                Arguments.of("negative duration",
                        (Consumer<ObjectNode>) t -> visit(t, 2).put("serviceDurationSeconds", -300),
                        "$.visits[2].serviceDurationSeconds (v3): service duration must not be negative"),
                Arguments.of("unknown field", (Consumer<ObjectNode>) t -> visit(t, 5).put("colour", "red"),
                        "$.visits[5].colour (v6): unknown field 'colour'"),
                Arguments.of("time without offset",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) t.withArray("shifts").get(0)).put("end",
                                "2026-11-23T16:00"),
                        "$.shifts[0].end (anna-mon): invalid value \"2026-11-23T16:00\""),
                Arguments.of("a crew of one", (Consumer<ObjectNode>) t -> visit(t, 2).put("crewId", "c1"),
                        "$.visits[2].crewId (v3): crew 'c1' has only this visit"),
                Arguments.of("a dependency on an unknown visit",
                        (Consumer<ObjectNode>) t -> visit(t, 3).withArray("after").addObject().put("visitId", "v9"),
                        "$.visits[3].after[0].visitId (v4): unknown visit 'v9'"),
                Arguments.of("a negative delay",
                        (Consumer<ObjectNode>) t -> visit(t, 3).withArray("after").addObject().put("visitId", "v1")
                                .put("minDelaySeconds", -1),
                        "$.visits[3].after[0].minDelaySeconds (v4): delay must not be negative, got -1"),
                Arguments.of("a circle of dependencies", (Consumer<ObjectNode>) t -> {
                    visit(t, 3).withArray("after").addObject().put("visitId", "v1");
                    visit(t, 0).withArray("after").addObject().put("visitId", "v4");
                }, "dependencies go round in a circle: visit v1 -> visit v4 -> visit v1"));
    }

    private static ObjectNode visit(ObjectNode tree, int index) {
        return (ObjectNode) tree.withArray("visits").get(index);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProblems")
    void invalidInputIsExplainedAndNothingIsWritten(String rule, Consumer<ObjectNode> edit, String expected)
            throws IOException {
        ObjectNode tree = (ObjectNode) ProblemJson.mapper().readTree(SMALL_PROBLEM.toFile());
        edit.accept(tree);
        Path input = dir.resolve("bad.json");
        Files.writeString(input, tree.toPrettyString());
        Path output = dir.resolve("plan.json");
        Run run = solve("--input", input.toString(), "--output", output.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(expected).contains("nothing was written").doesNotContain("Exception")
                .doesNotContain("java.");
        assertThat(output).doesNotExist();
    }

    @Test
    void malformedJsonIsExplainedWithItsLine() throws IOException {
        Path input = dir.resolve("broken.json");
        Files.writeString(input, "{\n  \"technicians\": [\n    {\"id\": \"a\" \"name\": \"b\"}\n  ]\n}\n");
        Path output = dir.resolve("plan.json");
        Run run = solve("--input", input.toString(), "--output", output.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("malformed JSON at line 3").contains("nothing was written");
        assertThat(output).doesNotExist();
    }

    @Test
    void anExistingPlanIsNotTouchedByAFailedRun() throws IOException {
        Path input = dir.resolve("bad.json");
        Files.writeString(input, "{\"technicians\": []}");
        Path output = dir.resolve("plan.json");
        Files.writeString(output, "previous plan");
        assertThat(solve("--input", input.toString(), "--output", output.toString()).status()).isEqualTo(2);
        assertThat(Files.readString(output)).isEqualTo("previous plan");
    }

    @Test
    void roadModeWithoutARoadGraphIsRefusedClearly() throws IOException {
        Path output = dir.resolve("plan.json");
        Run run = solve("--input", SMALL_PROBLEM.toString(), "--output", output.toString(), "--travel-mode", "road");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("needs a road graph");
        assertThat(output).doesNotExist();
    }

    @Test
    void commandLineMistakesAreExplained() {
        Path output = dir.resolve("plan.json");
        assertThat(solve("--output", output.toString()).err()).contains("option --input is required");
        assertThat(solve("--input", "missing.json", "--output", output.toString()).err())
                .contains("cannot read missing.json: no such file");
        assertThat(solve("--input", SMALL_PROBLEM.toString(), "--output", output.toString(), "--time-limit", "30s")
                .err()).contains("ISO-8601 duration such as PT30S");
        assertThat(solve("--input", SMALL_PROBLEM.toString(), "--output", output.toString(), "--colour", "red")
                .err()).contains("unknown option --colour");
        assertThat(solve("--input", SMALL_PROBLEM.toString(), "--output", output.toString(), "--steps", "-1")
                .status()).isEqualTo(2);
        assertThat(output).doesNotExist();
    }

    @Test
    void warningsAboutVisitsNobodyCanServeAreReportedAndTheRestIsSolved() throws IOException {
        ObjectNode tree = (ObjectNode) ProblemJson.mapper().readTree(SMALL_PROBLEM.toFile());
        ((ObjectNode) visit(tree, 5).get("requiredSkills")).put("roofing", 1);
        Path input = dir.resolve("problem.json");
        Files.writeString(input, tree.toPrettyString());
        Path output = dir.resolve("plan.json");
        Run run = solve("--input", input.toString(), "--output", output.toString(), "--steps", "100");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: $.visits[5] (v6): no technician can ever serve this visit (SKILL)");
        JsonNode solution = ProblemJson.mapper().readTree(output.toFile()).path("solution");
        ArrayNode unassigned = (ArrayNode) solution.path("unassignedVisits");
        assertThat(unassigned).hasSize(1);
        assertThat(unassigned.get(0).path("visitId").asText()).isEqualTo("v6");
        assertThat(unassigned.get(0).path("reason").asText()).isEqualTo("SKILL");
        assertThat(solution.path("warnings").get(0).path("entityId").asText()).isEqualTo("v6");
        assertThat(solution.path("kpis").path("visitsAssigned").asInt()).isEqualTo(5);
    }
}
