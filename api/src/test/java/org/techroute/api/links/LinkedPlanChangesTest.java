package org.techroute.api.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.api.cli.PlanChecker;
import org.techroute.api.support.ApiClient;
import org.techroute.data.json.ProblemJson;

/**
 * Live changes, recommendations, appointments and what-if on a plan with a crew (v3 with v7) and a dependency (v6
 * at least 30 minutes after v2), over HTTP. Every re-planned day is checked by the independent {@link PlanChecker}
 * (crews start together or are all unassigned, dependencies hold), and visits that started before {@code now} keep
 * their shift and start. Solving stops on a step limit; every wait is bounded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 4, unit = TimeUnit.MINUTES) // a safety net; every wait below is bounded on its own
class LinkedPlanChangesTest {

    static final String NOW = "2026-11-23T10:30:00+01:00";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("techroute-linked-changes");
        registry.add("techroute.data-dir", dir::toString);
        registry.add("techroute.solver.save-interval", () -> "PT0.2S");
    }

    @LocalServerPort
    int port;

    ApiClient api() {
        return new ApiClient(port, Duration.ofSeconds(90));
    }

    String solvedPlan() throws Exception {
        HttpResponse<String> submitted = api().post("/api/plans", LinksEndToEndTest.withLinks().toString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = ProblemJson.mapper().readTree(submitted.body()).get("id").asText();
        api().await("/api/plans/" + id + "/status", s -> s.get("status").asText().matches("SOLVED|STOPPED|FAILED"));
        JsonNode plan = api().json("/api/plans/" + id);
        assertThat(PlanChecker.check(plan)).as("the plan before the change").isEmpty();
        return id;
    }

    /** Applies the change to a solved plan (a new run) and answers the re-planned plan. */
    JsonNode change(String id, String body) throws Exception {
        HttpResponse<String> response = api().post("/api/plans/" + id + "/changes", body);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
        JsonNode result = ProblemJson.mapper().readTree(response.body());
        int run = result.get("run").asInt();
        api().await("/api/plans/" + id + "/status", s -> s.get("run").asInt() == run
                && s.get("status").asText().matches("SOLVED|STOPPED|FAILED"));
        JsonNode plan = api().json("/api/plans/" + id);
        assertThat(PlanChecker.check(plan)).as("the independent checker on the re-planned day").isEmpty();
        return plan;
    }

    record Served(String shiftId, String start) {
    }

    static Map<String, Served> served(JsonNode plan) {
        Map<String, Served> served = new HashMap<>();
        for (JsonNode route : plan.path("solution").path("routes")) {
            for (JsonNode step : route.path("steps")) {
                if (step.path("type").asText().equals("SERVICE")) {
                    served.put(step.path("visitId").asText(), new Served(route.path("shiftId").asText(),
                            OffsetDateTime.parse(step.path("start").asText()).toInstant().toString()));
                }
            }
        }
        return served;
    }

    /** Visits that started before now keep their shift and start. */
    static void assertStartedStay(JsonNode before, JsonNode after) {
        Map<String, Served> now = served(after);
        served(before).forEach((visitId, placed) -> {
            if (OffsetDateTime.parse(placed.start()).isBefore(OffsetDateTime.parse(NOW))) {
                assertThat(now.get(visitId)).as(visitId + " had started").isEqualTo(placed);
            }
        });
    }

    static String reason(JsonNode plan, String visitId) {
        for (JsonNode unassigned : plan.path("solution").path("unassignedVisits")) {
            if (unassigned.path("visitId").asText().equals(visitId)) {
                return unassigned.path("reason").asText();
            }
        }
        return null;
    }

    static JsonNode visit(JsonNode plan, String visitId) {
        for (JsonNode visit : plan.path("visits")) {
            if (visit.path("id").asText().equals(visitId)) {
                return visit;
            }
        }
        return null;
    }

    @Test
    void cancellingAnUnrelatedVisitMidDayKeepsTheCrewTogetherAndTheDependency() throws Exception {
        String id = solvedPlan();
        JsonNode before = api().json("/api/plans/" + id);
        JsonNode after = change(id, """
                {"now": "%s", "changes": [{"type": "CANCEL_VISIT", "visitId": "v4"}]}""".formatted(NOW));
        assertStartedStay(before, after);
        Map<String, Served> served = served(after);
        assertThat(served).doesNotContainKey("v4").containsKeys("v3", "v7", "v2", "v6");
        assertThat(served.get("v3").start()).isEqualTo(served.get("v7").start());
        assertThat(visit(after, "v6").path("after").get(0).path("visitId").asText()).isEqualTo("v2");
    }

    @Test
    void aStartedVisitThatRunsLongPushesItsTechniciansDayAndTheLinksStillHold() throws Exception {
        String id = solvedPlan();
        JsonNode before = api().json("/api/plans/" + id);
        // anna's last visit that started before now (v1 at least: pinned first, 08:00 to 10:00) runs until 11:30
        String last = null;
        for (JsonNode route : before.path("solution").path("routes")) {
            if (route.path("shiftId").asText().equals("anna-mon")) {
                for (JsonNode visitId : route.path("visitIds")) {
                    Served placed = served(before).get(visitId.asText());
                    if (OffsetDateTime.parse(placed.start()).isBefore(OffsetDateTime.parse(NOW))) {
                        last = visitId.asText();
                    }
                }
            }
        }
        assertThat(last).as("anna has started a visit").isNotNull();
        JsonNode after = change(id, """
                {"now": "%s", "changes": [{"type": "VISIT_RUNS_LONG", "visitId": "%s",
                  "expectedEnd": "2026-11-23T11:30:00+01:00"}]}""".formatted(NOW, last));
        assertStartedStay(before, after);
        for (JsonNode route : after.path("solution").path("routes")) {
            for (JsonNode step : route.path("steps")) {
                if (step.path("visitId").asText().equals(last) && step.path("type").asText().equals("SERVICE")) {
                    assertThat(OffsetDateTime.parse(step.path("end").asText())).isEqualTo(
                            OffsetDateTime.parse("2026-11-23T11:30:00+01:00"));
                }
            }
        }
        Map<String, Served> served = served(after);
        assertThat(served.containsKey("v3")).as("the crew is whole or unassigned").isEqualTo(served.containsKey("v7"));
    }

    @Test
    void aCrewMembersTechnicianUnavailableMidDayLeavesTheCrewWholeOrUnassigned() throws Exception {
        String id = solvedPlan();
        JsonNode before = api().json("/api/plans/" + id);
        String technician = null;
        for (JsonNode route : before.path("solution").path("routes")) {
            if (route.path("visitIds").toString().contains("\"v7\"")) {
                technician = route.path("technicianId").asText();
            }
        }
        assertThat(technician).as("v7 is served").isNotNull();
        JsonNode after = change(id, """
                {"now": "%s", "changes": [{"type": "TECHNICIAN_UNAVAILABLE", "technicianId": "%s", "from": "%s"}]}"""
                .formatted(NOW, technician, NOW));
        assertStartedStay(before, after);
        Map<String, Served> served = served(after);
        assertThat(served.containsKey("v3")).as("the crew is whole or unassigned").isEqualTo(served.containsKey("v7"));
        if (!served.containsKey("v7")) {
            // two technicians, one gone: the crew cannot be served any more
            assertThat(reason(after, "v3")).isIn("CREW", "NO_ROOM");
        }
    }

    @Test
    void aNewVisitAfterAnExistingOneAndANewCrewArePlannedWithTheirLinks() throws Exception {
        String id = solvedPlan();
        JsonNode before = api().json("/api/plans/" + id);
        String visit = """
                {"id": "%s", "location": {"lat": 47.1500, "lon": 9.5150}, "serviceDurationSeconds": 1200,
                 "requiredSkills": {"electrical": 1}, "priority": "HIGH", %s
                 "timeWindows": [{"start": "2026-11-23T13:00:00+01:00", "end": "2026-11-23T16:00:00+01:00"}]}""";
        JsonNode after = change(id, """
                {"now": "%s", "changes": [
                  {"type": "ADD_VISIT", "visit": %s},
                  {"type": "ADD_VISIT", "visit": %s},
                  {"type": "ADD_VISIT", "visit": %s}]}""".formatted(NOW,
                visit.formatted("v8", "\"after\": [{\"visitId\": \"v6\", \"minDelaySeconds\": 600}],"),
                visit.formatted("v9", "\"crewId\": \"c2\","), visit.formatted("v10", "\"crewId\": \"c2\",")));
        assertStartedStay(before, after);
        assertThat(visit(after, "v8").path("after").get(0).path("visitId").asText()).isEqualTo("v6");
        assertThat(visit(after, "v10").path("crewId").asText()).isEqualTo("c2");
        Map<String, Served> served = served(after);
        assertThat(served).containsKeys("v8", "v9", "v10");
        assertThat(served.get("v9").start()).isEqualTo(served.get("v10").start());
        assertThat(served.get("v9").shiftId()).isNotEqualTo(served.get("v10").shiftId());
    }

    static final String NEW_VISIT = """
            {"id": "%s", "location": {"lat": 47.1500, "lon": 9.5150}, "serviceDurationSeconds": 1200,
             "requiredSkills": {"electrical": 1}, "priority": "HIGH", %s
             "timeWindows": [{"start": "2026-11-23T13:00:00+01:00", "end": "2026-11-23T16:00:00+01:00"}]}""";

    @Test
    void linkedVisitsGoIntoTheRunningSolverAndAVisitJoiningAPlannedCrewRestartsIt() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode tree = LinksEndToEndTest.withLinks();
        // solving runs until stopped below (the time limit is a safety net)
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("options")).put("timeLimit", "PT2M")
                .remove("stepLimit");
        HttpResponse<String> submitted = api().post("/api/plans", tree.toString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = ProblemJson.mapper().readTree(submitted.body()).get("id").asText();
        api().await("/api/plans/" + id + "/status", s -> "SOLVING".equals(s.get("status").asText())
                && s.path("score").isTextual());

        // without "now": nothing has started, so crew c1 can still take a new member below
        HttpResponse<String> live = api().post("/api/plans/" + id + "/changes", """
                {"changes": [
                  {"type": "ADD_VISIT", "visit": %s},
                  {"type": "ADD_VISIT", "visit": %s},
                  {"type": "ADD_VISIT", "visit": %s}]}""".formatted(
                NEW_VISIT.formatted("v8", "\"after\": [{\"visitId\": \"v6\", \"minDelaySeconds\": 600}],"),
                NEW_VISIT.formatted("v9", "\"crewId\": \"c2\","), NEW_VISIT.formatted("v10", "\"crewId\": \"c2\",")));
        assertThat(live.statusCode()).as(live.body()).isIn(200, 202);
        assertThat(ProblemJson.mapper().readTree(live.body()).get("mode").asText()).isEqualTo("LIVE");
        JsonNode changed = api().await("/api/plans/" + id, p -> served(p).containsKey("v10")
                || reason(p, "v10") != null);
        assertThat(PlanChecker.check(changed)).as("the running solver's plan after the change").isEmpty();

        // v11 joins crew c1 (v3, v7): the running crew mates would not know it, so the run restarts
        HttpResponse<String> join = api().post("/api/plans/" + id + "/changes", """
                {"changes": [{"type": "ADD_VISIT", "visit": %s}]}""".formatted(NEW_VISIT.formatted("v11",
                "\"crewId\": \"c1\",")));
        assertThat(join.statusCode()).as(join.body()).isIn(200, 202);
        JsonNode joined = ProblemJson.mapper().readTree(join.body());
        assertThat(joined.get("mode").asText()).isEqualTo("RESTARTED");
        int run = joined.get("run").asInt();
        api().await("/api/plans/" + id + "/status", s -> s.get("run").asInt() == run
                && s.path("feasible").asBoolean(false));
        api().send(java.net.http.HttpRequest.newBuilder(api().uri("/api/plans/" + id + "/solving")).DELETE()
                .build());
        api().await("/api/plans/" + id + "/status", s -> s.get("run").asInt() == run
                && s.get("status").asText().matches("STOPPED|SOLVED"));
        JsonNode plan = api().json("/api/plans/" + id);
        assertThat(PlanChecker.check(plan)).as("the final plan").isEmpty();
        // a crew of three on two technicians cannot be served: all three are unassigned, for the crew
        assertThat(served(plan)).doesNotContainKeys("v3", "v7", "v11");
        assertThat(reason(plan, "v11")).isEqualTo("CREW");
    }

    @Test
    void cancellingAVisitOthersFollowTakesTheLinkAndACrewOfOneBecomesAPlainVisit() throws Exception {
        String id = solvedPlan();
        JsonNode after = change(id, """
                {"changes": [{"type": "CANCEL_VISIT", "visitId": "v2"}, {"type": "CANCEL_VISIT", "visitId": "v7"}]}""");
        assertThat(visit(after, "v2")).isNull();
        assertThat(visit(after, "v6").has("after")).as("v6 no longer follows v2").isFalse();
        assertThat(visit(after, "v3").has("crewId")).as("v3 is a plain visit").isFalse();
        assertThat(served(after)).containsKeys("v3", "v6");
    }

    @Test
    void whatIfWithoutATechniciansShiftLeavesTheCrewAndTheDependentVisitUnassignedWithTheirReasons()
            throws Exception {
        String id = solvedPlan();
        HttpResponse<String> response = api().post("/api/plans/" + id + "/what-if", """
                {"variants": [{"name": "without ben", "removeShiftIds": ["ben-mon"]}]}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String whatIfId = ProblemJson.mapper().readTree(response.body()).get("whatIfId").asText();
        JsonNode done = api().await("/api/plans/" + id + "/what-if/" + whatIfId, w -> w.path("done").asBoolean());
        JsonNode variant = done.path("variants").get(0);
        assertThat(variant.path("status").asText()).as(variant.toString()).isEqualTo("SOLVED");
        JsonNode plan = api().json("/api/plans/" + variant.path("planId").asText());
        assertThat(PlanChecker.check(plan)).isEmpty();
        // v2 needs the appliance skill only ben has; v6 follows v2; the crew needs two technicians
        assertThat(reason(plan, "v6")).isEqualTo("DEPENDENCY");
        assertThat(reason(plan, "v3")).isEqualTo("CREW");
        assertThat(reason(plan, "v7")).isEqualTo("CREW");
    }

    static void assert422(HttpResponse<String> response, String path, String entityId) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode violation = ProblemJson.mapper().readTree(response.body()).path("violations").get(0);
        assertThat(violation.path("path").asText()).isEqualTo(path);
        assertThat(violation.path("entityId").asText()).isEqualTo(entityId);
        assertThat(violation.path("message").asText()).contains("not supported for linked visits");
        assertThat(response.body()).doesNotContain("java.").doesNotContain("Exception");
    }

    @Test
    void recommendationsAndAppointmentsForLinkedVisitsAre422NamingTheField() throws Exception {
        String id = solvedPlan();
        String linked = """
                {"id": "n1", "location": {"lat": 47.1500, "lon": 9.5150}, "serviceDurationSeconds": 1200,
                 "requiredSkills": {"electrical": 1}, %s}""";
        String crew = linked.formatted("\"crewId\": \"c1\"");
        String follows = linked.formatted("\"after\": [{\"visitId\": \"v2\"}]");
        assert422(api().post("/api/plans/" + id + "/recommendations", crew), "$.crewId", "n1");
        assert422(api().post("/api/plans/" + id + "/recommendations", follows), "$.after", "n1");
        assert422(api().post("/api/plans/" + id + "/recommendations/apply", "{\"visit\": " + follows
                + ", \"shiftId\": \"anna-mon\", \"position\": 1}"), "$.visit.after", "n1");
        assert422(api().send(java.net.http.HttpRequest.newBuilder(api().uri("/api/plans/" + id
                + "/visits/v3/recommendations")).GET().build()), "$.visits[2].crewId", "v3");
        assert422(api().send(java.net.http.HttpRequest.newBuilder(api().uri("/api/plans/" + id
                + "/visits/v6/recommendations")).GET().build()), "$.visits[5].after", "v6");
        // v2 is followed by v6: taking it out would leave v6 following nothing
        assert422(api().send(java.net.http.HttpRequest.newBuilder(api().uri("/api/plans/" + id
                + "/visits/v2/recommendations")).GET().build()), "$.visits[5].after[0].visitId", "v6");
        String slot = "{\"start\": \"2026-11-23T13:00:00+01:00\", \"end\": \"2026-11-23T15:00:00+01:00\"}";
        String slots = ", \"slots\": [" + slot + "]}";
        assert422(api().post("/api/plans/" + id + "/appointments", "{\"visit\": " + crew + slots),
                "$.visit.crewId", "n1");
        assert422(api().post("/api/plans/" + id + "/appointments/book", "{\"visit\": " + follows
                + ", \"slot\": " + slot + "}"),
                "$.visit.after", "n1");
        // a plain visit still gets its recommendations
        HttpResponse<String> plain = api().send(java.net.http.HttpRequest.newBuilder(api().uri("/api/plans/" + id
                + "/visits/v5/recommendations")).GET().build());
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
    }
}
