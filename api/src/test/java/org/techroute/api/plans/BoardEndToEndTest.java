package org.techroute.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.api.cli.PlanChecker;
import org.techroute.api.support.ApiClient;
import org.techroute.api.support.Problems;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The dispatch board over HTTP: the cost of moving a visit is previewed (score difference, rules broken, where and
 * when it would be), the move pins it and re-plans, the re-planned day keeps it at its target and passes the
 * independent {@link PlanChecker}; bad moves are 422 naming the change and the entity; an unassigned visit's options
 * per shift.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a safety net; every wait below is bounded on its own
class BoardEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("techroute-board");
        registry.add("techroute.data-dir", dir::toString);
        registry.add("techroute.solver.save-interval", () -> "PT0.2S");
    }

    @LocalServerPort
    int port;

    ApiClient api() {
        return new ApiClient(port, Duration.ofSeconds(90));
    }

    /** A solved demo day: four technicians, 20 visits, a short reproducible solve (step limit, seed). */
    String solvedDemo() throws Exception {
        Problem demo = Problems.demo(4, 20);
        demo = demo.withOptions(demo.optionsOrDefaults().withStepLimit(150L).withRandomSeed(1L)
                .withTimeLimit(Duration.ofMinutes(1)));
        var response = api().post("/api/plans", ProblemJson.write(demo));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = JSON.readTree(response.body()).get("id").asText();
        api().await("/api/plans/" + id + "/status", s -> "SOLVED".equals(s.path("status").asText()));
        return id;
    }

    static Map<String, Integer> skills(JsonNode node) {
        Map<String, Integer> skills = new HashMap<>();
        node.path("skills").fields().forEachRemaining(e -> skills.put(e.getKey(), e.getValue().asInt()));
        return skills;
    }

    static boolean skilled(JsonNode technician, JsonNode visit) {
        Map<String, Integer> has = skills(technician);
        boolean[] ok = { true };
        visit.path("requiredSkills").fields().forEachRemaining(e -> ok[0] &= has.getOrDefault(e.getKey(), 0)
                >= e.getValue().asInt());
        return ok[0];
    }

    static Map<String, JsonNode> byId(JsonNode list) {
        Map<String, JsonNode> map = new HashMap<>();
        list.forEach(n -> map.put(n.path("id").asText(), n));
        return map;
    }

    static String move(String visitId, String shiftId, int position, boolean pin) {
        return "{\"changes\": [{\"type\": \"MOVE_VISIT\", \"visitId\": \"" + visitId + "\", \"shiftId\": \"" + shiftId
                + "\", \"position\": " + position + ", \"pin\": " + pin + "}]}";
    }

    static List<String> route(JsonNode plan, String shiftId) {
        List<String> ids = new ArrayList<>();
        for (JsonNode route : plan.path("solution").path("routes")) {
            if (route.path("shiftId").asText().equals(shiftId)) {
                route.path("visitIds").forEach(v -> ids.add(v.asText()));
            }
        }
        return ids;
    }

    @Test
    void aDraggedVisitIsPreviewedPinnedAndReplanned() throws Exception {
        String id = solvedDemo();
        JsonNode plan = api().json("/api/plans/" + id);
        assertThat(PlanChecker.check(plan)).isEmpty();
        Map<String, JsonNode> technicians = byId(plan.path("technicians"));
        Map<String, JsonNode> visits = byId(plan.path("visits"));
        Map<String, JsonNode> shifts = byId(plan.path("shifts"));

        // preview moves of the routes' visits to the second position of every other route, until one breaks no
        // rule (and at least 4 were previewed); check that a move to an unskilled technician breaks a hard rule
        JsonNode chosen = null;
        String chosenVisit = null;
        String target = null;
        int previews = 0;
        int unskilled = 0;
        List<Long> millis = new ArrayList<>();
        for (JsonNode from : plan.path("solution").path("routes")) {
            for (JsonNode visit : from.path("visitIds")) {
                String visitId = visit.asText();
                for (JsonNode to : plan.path("solution").path("routes")) {
                    if (to.path("shiftId").equals(from.path("shiftId")) || to.path("visitIds").size() < 1
                            || (chosen != null && previews > 3)) {
                        continue;
                    }
                    String shiftId = to.path("shiftId").asText();
                    long started = System.nanoTime();
                    var response = api().post("/api/plans/" + id + "/changes/preview",
                            move(visitId, shiftId, 1, true));
                    millis.add((System.nanoTime() - started) / 1_000_000);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    JsonNode preview = JSON.readTree(response.body());
                    previews++;
                    assertThat(preview.path("scoreBefore").asText()).as("the stored plan, scored again")
                            .isEqualTo(plan.path("solution").path("score").asText());
                    assertThat(HardMediumSoftLongScore.parseScore(preview.path("scoreAfter").asText())
                            .subtract(HardMediumSoftLongScore.parseScore(preview.path("scoreBefore").asText()))
                            .toString()).isEqualTo(preview.path("scoreDiff").asText());
                    JsonNode placed = preview.path("visits").get(0);
                    assertThat(placed.path("shiftId").asText()).isEqualTo(shiftId);
                    assertThat(placed.path("position").asInt()).isEqualTo(1);
                    assertThat(placed.path("locked").asBoolean()).isTrue();
                    assertThat(placed.path("start").asText()).isNotEmpty();
                    JsonNode technician = technicians.get(shifts.get(shiftId).path("technicianId").asText());
                    if (!skilled(technician, visits.get(visitId))) {
                        unskilled++;
                        assertThat(preview.path("broken").toString()).as("skills missing: " + preview)
                                .contains("requiredSkill");
                    } else if (preview.path("broken").isEmpty() && chosen == null) {
                        chosen = preview;
                        chosenVisit = visitId;
                        target = shiftId;
                    }
                }
            }
        }
        assertThat(previews).isGreaterThan(3);
        // for the record (not asserted: the machine's load decides): how long a preview takes on this day
        System.out.println("change previews of a 4-technician, 20-visit day (ms, in order): " + millis);
        assertThat(chosen).as("a move that breaks no rule among " + previews + " (" + unskilled + " unskilled)")
                .isNotNull();
        List<String> targetBefore = route(plan, target);

        var moved = api().post("/api/plans/" + id + "/changes", move(chosenVisit, target, 1, true));
        assertThat(moved.statusCode()).as(moved.body()).isIn(200, 202);
        assertThat(JSON.readTree(moved.body()).path("mode").asText()).isEqualTo("NEW_RUN");
        api().await("/api/plans/" + id + "/status", s -> s.path("run").asInt() == 2
                && "SOLVED".equals(s.path("status").asText()));
        JsonNode replanned = api().json("/api/plans/" + id);
        List<String> targetAfter = route(replanned, target);
        assertThat(targetAfter.subList(0, 2)).as("the pinned visit and the one before it stay")
                .containsExactly(targetBefore.get(0), chosenVisit);
        JsonNode pinned = byId(replanned.path("visits")).get(chosenVisit).path("pin");
        assertThat(pinned.path("shiftId").asText()).isEqualTo(target);
        assertThat(pinned.path("position").asInt()).isEqualTo(1);
        assertThat(PlanChecker.check(replanned)).as("the re-planned day, checked without the solver").isEmpty();
        assertThat(replanned.path("solution").path("feasible").asBoolean()).isTrue();
        int served = 0;
        for (JsonNode route : replanned.path("solution").path("routes")) {
            served += route.path("visitIds").size();
        }
        assertThat(served + replanned.path("solution").path("unassignedVisits").size()).as("every visit accounted")
                .isEqualTo(visits.size());

        // unlock it: the next re-plan may move it
        var unpin = api().post("/api/plans/" + id + "/changes", "{\"changes\": [{\"type\": \"UNLOCK_ROUTE\","
                + " \"shiftId\": \"" + target + "\"}]}");
        assertThat(unpin.statusCode()).as(unpin.body()).isIn(200, 202);
        api().await("/api/plans/" + id + "/status", s -> s.path("run").asInt() == 3
                && "SOLVED".equals(s.path("status").asText()));
        assertThat(byId(api().json("/api/plans/" + id).path("visits")).get(chosenVisit).has("pin")).isFalse();
    }

    @Test
    void badMovesAreRefusedNamingTheChangeAndTheEntity() throws Exception {
        String id = solvedDemo();
        JsonNode plan = api().json("/api/plans/" + id);
        String visitId = plan.path("solution").path("routes").get(0).path("visitIds").get(0).asText();
        String shiftId = plan.path("solution").path("routes").get(1).path("shiftId").asText();
        for (String path : List.of("/changes/preview", "/changes")) {
            var unknown = api().post("/api/plans/" + id + path, move(visitId, "no-such-shift", 0, true));
            assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(422);
            assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith(
                    "application/problem+json");
            JsonNode violation = JSON.readTree(unknown.body()).path("violations").get(0);
            assertThat(violation.path("path").asText()).isEqualTo("$.changes[0].shiftId");
            assertThat(violation.path("entityId").asText()).isEqualTo("no-such-shift");

            var far = api().post("/api/plans/" + id + path, move(visitId, shiftId, 99, true));
            assertThat(far.statusCode()).as(far.body()).isEqualTo(422);
            violation = JSON.readTree(far.body()).path("violations").get(0);
            assertThat(violation.path("path").asText()).isEqualTo("$.changes[0].position");
            assertThat(violation.path("entityId").asText()).isEqualTo(visitId);
            assertThat(far.body()).doesNotContain("Exception", "org.techroute");
        }
        assertThat(api().json("/api/plans/" + id + "/status").path("run").asInt()).as("nothing re-planned")
                .isEqualTo(1);

        // where could the first visit go instead: every shift is named, with what stops it or its best place
        JsonNode options = api().json("/api/plans/" + id + "/visits/" + visitId + "/recommendations");
        assertThat(options.path("shifts")).hasSize(plan.path("shifts").size());
        assertThat(options.path("recommendations")).isNotEmpty();
        for (JsonNode option : options.path("shifts")) {
            assertThat(option.path("feasible").asBoolean() || option.has("blocker")
                    || option.path("brokenConstraints").size() > 0 || !option.has("position"))
                    .as(option.toString()).isTrue();
        }
    }
}
