package org.techroute.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.techroute.data.json.ProblemJson;

/** The {@code appointments} command on the documented example plan: offers as JSON, errors with exit status 2. */
class AppointmentsCommandTest {

    static final String VISIT = """
            {"id": "CALL-1", "location": {"lat": 47.150, "lon": 9.515}, "serviceDurationSeconds": 1800,
             "requiredSkills": {"hvac": 1}}""";

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return new AppointmentsCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    Path request(String json) throws Exception {
        Path file = dir.resolve("request.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void writesTheOffersBestFirstAndLeavesThePlanAlone() throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.copy(SolveCommandTest.SMALL_PLAN, plan);
        String before = Files.readString(plan);
        Path output = dir.resolve("offers.json");
        int status = run("--plan", plan.toString(), "--request", request("{\"visit\": " + VISIT
                + ", \"days\": 1, \"slotMinutes\": 120}").toString(), "--output", output.toString());
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode offers = ProblemJson.mapper().readTree(output.toFile());
        assertThat(offers.path("visitId").asText()).isEqualTo("CALL-1");
        assertThat(offers.path("slots")).hasSize(4);
        assertThat(offers.path("feasibleSlots").asInt()).isEqualTo(4);
        assertThat(offers.path("slots").get(0).path("technicianId").asText()).isNotEmpty();
        assertThat(Files.readString(plan)).isEqualTo(before);
    }

    @Test
    void theDocumentedExampleRequestOnTheExamplePlan() throws Exception {
        int status = run("--plan", SolveCommandTest.SMALL_PLAN.toString(), "--request",
                "../docs/examples/appointment-request.json");
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode offers = ProblemJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(offers.path("feasibleSlots").asInt()).isEqualTo(4);
        JsonNode evening = offers.path("slots").get(4);
        assertThat(evening.path("feasible").asBoolean()).isFalse();
        assertThat(evening.path("reason").asText()).isEqualTo("TIME_WINDOW");
    }

    @Test
    void aSlotEndingBeforeItStartsIsExitStatus2WithItsPath() throws Exception {
        int status = run("--plan", SolveCommandTest.SMALL_PLAN.toString(), "--request", request("{\"visit\": "
                + VISIT + ", \"slots\": [{\"start\": \"2026-11-23T10:00:00+01:00\", \"end\":"
                + " \"2026-11-23T09:00:00+01:00\"}]}").toString());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("$.slots[0]").contains("ends");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anUnknownFieldIsExitStatus2() throws Exception {
        int status = run("--plan", SolveCommandTest.SMALL_PLAN.toString(), "--request", request("{\"visit\": "
                + VISIT + ", \"slotz\": []}").toString());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("slotz");
    }
}
