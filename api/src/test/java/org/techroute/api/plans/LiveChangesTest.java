package org.techroute.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.techroute.api.support.ApiClient;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;

/**
 * Real-time re-planning over HTTP: an emergency goes into a plan while it is being solved, without restarting
 * the run; visits that had started stay where they were. Plus the error answers of the changes endpoint, and a
 * change to a plan that is not being solved (a new run).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a safety net; every wait below is bounded on its own
class LiveChangesTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String NOW = "2026-11-23T09:00:00+01:00";
    static final String EMERGENCY = """
            {"now": "%s", "changes": [{"type": "ADD_VISIT", "visit": {
              "id": "emergency", "customerName": "Heating failure", "location": {"lat": 47.1420, "lon": 9.5200},
              "serviceDurationSeconds": 1800, "priority": "CRITICAL", "requiredSkills": {"hvac": 1},
              "timeWindows": [{"start": "%s", "end": "2026-11-23T12:00:00+01:00"}]}}]}""".formatted(NOW, NOW);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("techroute-live");
        registry.add("techroute.data-dir", dir::toString);
        registry.add("techroute.solver.save-interval", () -> "PT0.2S");
        registry.add("techroute.solver.slots", () -> "2");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /**
     * Issue 14: an instance too slow to renew its claim (a long pause) goes on solving a plan another instance has
     * taken over. A change sent to it must not be answered as applied and must not be written into the plan the
     * other instance now solves (a suite run under load lost a change this way): it is refused, nothing is stored,
     * and its own run of the plan stops.
     */
    @Test
    void aChangeAtAnInstanceWhoseClaimWasTakenOverIsRefusedAndNotStored() throws Exception {
        String id = submit(Duration.ofMinutes(2));
        await("/api/plans/" + id + "/status", s -> "SOLVING".equals(s.get("status").asText()));
        String before = jdbc.sql("SELECT problem_json FROM plan WHERE id = :id").param("id", id).query(String.class)
                .single();
        assertThat(jdbc.sql("UPDATE plan SET claimed_by = 'instance-elsewhere', claimed_until = :until WHERE id = :id")
                .param("until", OffsetDateTime.now().plusMinutes(10)).param("id", id).update()).isEqualTo(1);
        try {
            HttpResponse<String> response = post("/api/plans/" + id + "/changes", EMERGENCY);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(jdbc.sql("SELECT problem_json FROM plan WHERE id = :id").param("id", id)
                    .query(String.class).single()).as("the stored problem is unchanged").isEqualTo(before);
            assertThat(placements(json("/api/plans/" + id))).doesNotContainKey("emergency");
            JsonNode status = json("/api/plans/" + id + "/status");
            assertThat(status.get("status").asText()).as("the other instance's run is left alone")
                    .isEqualTo("SOLVING");
        } finally {
            jdbc.sql("UPDATE plan SET status = 'STOPPED', claimed_by = NULL, claimed_until = NULL WHERE id = :id")
                    .param("id", id).update();
        }
    }

    @Test
    void anEmergencyGoesIntoTheRunningSolverAndStartedVisitsStay() throws Exception {
        String id = submit(Duration.ofMinutes(2));
        // precondition: the solver (which starts from empty routes) has visits before now in its routes
        await("/api/plans/" + id, p -> placements(p).values().stream()
                .anyMatch(placement -> OffsetDateTime.parse(placement.start()).isBefore(OffsetDateTime.parse(NOW))));

        HttpResponse<String> response = post("/api/plans/" + id + "/changes", EMERGENCY);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.get("mode").asText()).isEqualTo("LIVE");
        assertThat(result.get("run").asInt()).isEqualTo(1);
        String changeId = result.get("changeId").asText();
        if (result.has("diff")) {
            // the answer describes the first plan built after the change, not the solver's starting point with the
            // emergency not placed yet (Timefold announces that one as a best solution too)
            assertThat(result.get("diff").path("unassigned").findValuesAsText("visitId"))
                    .as("the first plan after the change: " + result.get("diff")).doesNotContain("emergency");
            assertThat(result.get("diff").path("reassigned").findValuesAsText("visitId")).contains("emergency");
        }
        // the plan version the change was applied to: the answer names it (or, if the solver had not taken the
        // change within the answer's wait, the change's own resource does)
        JsonNode basedOn = result.has("basedOn") ? result.get("basedOn")
                : await("/api/plans/" + id + "/changes/" + changeId, c -> c.has("basedOn")).get("basedOn");
        Map<String, Placement> started = started(basedOn);
        assertThat(started).as("visits that started before now").isNotEmpty();
        Map<String, java.util.List<String>> routes = new HashMap<>();
        basedOn.get("routes").forEach(r -> routes.put(r.get("shiftId").asText(),
                JSON.convertValue(r.get("visitIds"), new TypeReference<java.util.List<String>>() { })));
        started.forEach((visitId, placement) -> assertThat(routes.get(placement.shiftId()).get(placement.position()))
                .as(visitId + " is where the version the change was applied to has it").isEqualTo(visitId));

        JsonNode after = await("/api/plans/" + id, p -> placements(p).containsKey("emergency"));
        JsonNode status = json("/api/plans/" + id + "/status");
        assertThat(status.get("run").asInt()).as("the run was not restarted").isEqualTo(1);
        assertThat(status.get("status").asText()).isEqualTo("SOLVING");
        assertStartedStay(started, placements(after));
        assertThat(after.path("now").asText()).isNotEmpty();

        send(HttpRequest.newBuilder(uri("/api/plans/" + id + "/solving")).DELETE().build());
        JsonNode stopped = await("/api/plans/" + id + "/status", s -> "STOPPED".equals(s.get("status").asText()));
        assertThat(stopped.get("run").asInt()).isEqualTo(1);
        JsonNode last = json("/api/plans/" + id);
        Map<String, Placement> finalPlacements = placements(last);
        assertThat(finalPlacements).as("the final plan is of the changed problem").containsKey("emergency");
        assertStartedStay(started, finalPlacements);

        // the change's diff follows the re-plan to its end: the final plan, not the first best after the change
        JsonNode change = await("/api/plans/" + id + "/changes/" + changeId,
                c -> !c.get("provisional").asBoolean());
        assertThat(change.get("state").asText()).isEqualTo("APPLIED");
        assertThat(change.get("basedOn")).isEqualTo(basedOn);
        assertThat(change.get("score").asText()).isEqualTo(last.path("solution").path("score").asText());
        JsonNode emergency = null;
        for (JsonNode moved : change.path("diff").path("reassigned")) {
            if ("emergency".equals(moved.path("visitId").asText())) {
                emergency = moved;
            }
        }
        assertThat(emergency).as("the emergency is in the final diff: " + change.get("diff")).isNotNull();
        assertThat(emergency.path("toShiftId").asText()).isEqualTo(finalPlacements.get("emergency").shiftId());
    }

    /** Started visits keep shift, position and start; nothing else starts before now. */
    static void assertStartedStay(Map<String, Placement> started, Map<String, Placement> placed) {
        started.forEach((visitId, placement) -> assertThat(placed.get(visitId)).as(visitId + " had started")
                .isEqualTo(placement));
        placed.forEach((visitId, placement) -> {
            if (OffsetDateTime.parse(placement.start()).isBefore(OffsetDateTime.parse(NOW))) {
                assertThat(started).as(visitId + " starts before now, so it must be one that had started")
                        .containsKey(visitId);
            }
        });
    }

    @Test
    void anUnknownChangeIsNotFound() throws Exception {
        String id = submit(Duration.ofSeconds(1));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/plans/" + id
                + "/changes/no-such-change")).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.body()).contains("no-such-change");
    }

    @Test
    void aCancellationWhileSolvingStopsTheRunAndStartsANewOne() throws Exception {
        String id = submit(Duration.ofMinutes(2));
        await("/api/plans/" + id + "/status", s -> "SOLVING".equals(s.get("status").asText())
                && s.path("score").isTextual());
        HttpResponse<String> response = post("/api/plans/" + id + "/changes", """
                {"changes": [{"type": "CANCEL_VISIT", "visitId": "v3"}]}""");
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.get("mode").asText()).isEqualTo("RESTARTED");
        assertThat(result.get("run").asInt()).isEqualTo(2);
        JsonNode plan = await("/api/plans/" + id, p -> p.path("solution").path("routes").isArray()
                && !placements(p).isEmpty() && !placements(p).containsKey("v3"));
        for (JsonNode visit : plan.get("visits")) {
            assertThat(visit.get("id").asText()).isNotEqualTo("v3");
        }
        JsonNode status = json("/api/plans/" + id + "/status");
        assertThat(status.get("run").asInt()).isEqualTo(2);
        send(HttpRequest.newBuilder(uri("/api/plans/" + id + "/solving")).DELETE().build());
        await("/api/plans/" + id + "/status", s -> "STOPPED".equals(s.get("status").asText()));
    }

    @Test
    void aChangeToAPlanThatIsNotSolvingStartsANewRun() throws Exception {
        String id = submit(Duration.ofSeconds(1));
        await("/api/plans/" + id + "/status", s -> "SOLVED".equals(s.get("status").asText()));
        HttpResponse<String> response = post("/api/plans/" + id + "/changes", """
                {"changes": [{"type": "CANCEL_VISIT", "visitId": "v3"}]}""");
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.get("mode").asText()).isEqualTo("NEW_RUN");
        assertThat(result.get("run").asInt()).isEqualTo(2);
        JsonNode done = await("/api/plans/" + id + "/status", s -> s.get("run").asInt() == 2
                && "SOLVED".equals(s.get("status").asText()));
        assertThat(done.get("run").asInt()).isEqualTo(2);
        JsonNode plan = json("/api/plans/" + id);
        assertThat(placements(plan)).doesNotContainKey("v3");
        for (JsonNode visit : plan.get("visits")) {
            assertThat(visit.get("id").asText()).isNotEqualTo("v3");
        }
    }

    @Test
    void errors() throws Exception {
        HttpResponse<String> unknown = post("/api/plans/no-such-plan/changes", EMERGENCY);
        assertThat(unknown.statusCode()).isEqualTo(404);

        String id = submit(Duration.ofSeconds(1));
        await("/api/plans/" + id + "/status", s -> "SOLVED".equals(s.get("status").asText()));
        HttpResponse<String> badType = post("/api/plans/" + id + "/changes", """
                {"changes": [{"type": "TELEPORT", "visitId": "v1"}]}""");
        assertThat(badType.statusCode()).as(badType.body()).isEqualTo(400);
        assertThat(badType.body()).contains("$.changes[0]");

        HttpResponse<String> invalid = post("/api/plans/" + id + "/changes", """
                {"changes": [{"type": "ADD_SHIFT", "shift": null},
                             {"type": "CANCEL_VISIT", "visitId": "no-such-visit"}]}""");
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(422);
        JsonNode problem = JSON.readTree(invalid.body());
        assertThat(problem.toString()).contains("$.changes[1].visitId").contains("no-such-visit");
        assertThat(problem.get("detail").asText()).isEqualTo("the changes have 2 error(s); nothing was changed");
        JsonNode status = json("/api/plans/" + id + "/status");
        assertThat(status.get("run").asInt()).as("nothing was changed").isEqualTo(1);
    }

    record Placement(String shiftId, int position, String start) {
    }

    /** Visit id to shift, position and service start. */
    static Map<String, Placement> placements(JsonNode plan) {
        Map<String, Placement> placements = new HashMap<>();
        for (JsonNode route : plan.path("solution").path("routes")) {
            int position = 0;
            for (JsonNode step : route.path("steps")) {
                if ("SERVICE".equals(step.path("type").asText())) {
                    placements.put(step.get("visitId").asText(), new Placement(route.get("shiftId").asText(),
                            position++, OffsetDateTime.parse(step.get("start").asText()).toInstant().toString()));
                }
            }
        }
        return placements;
    }

    /** The started visits a change pinned, from its basedOn: visit id to shift, position and start. */
    static Map<String, Placement> started(JsonNode basedOn) {
        Map<String, Placement> started = new HashMap<>();
        for (JsonNode visit : basedOn.path("started")) {
            started.put(visit.get("visitId").asText(), new Placement(visit.get("shiftId").asText(),
                    visit.get("position").asInt(), OffsetDateTime.parse(visit.get("start").asText()).toInstant()
                            .toString()));
        }
        return started;
    }

    String submit(Duration timeLimit) throws Exception {
        Problem problem = ProblemJson.read(Path.of("../docs/examples/small-problem.json"));
        problem = problem.withOptions(problem.options().withTimeLimit(timeLimit));
        HttpResponse<String> response = post("/api/plans", ProblemJson.write(problem));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asText();
    }

    ApiClient api() {
        return new ApiClient(port, WAIT);
    }

    URI uri(String path) {
        return api().uri(path);
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return api().post(path, body);
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return api().send(request);
    }

    JsonNode json(String path) throws IOException, InterruptedException {
        return api().json(path);
    }

    JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
        return api().await(path, condition);
    }
}
