package org.techroute.api.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * Appointment booking over HTTP: a solved plan is asked for slots (the plan does not change), the best slot is booked
 * (the visit goes in through the live change ADD_VISIT and the plan is re-planned), and the re-planned plan serves the
 * visit in the slot, feasibly, as the independent checker confirms. Plus the error answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a safety net; every wait below is bounded on its own
class AppointmentsEndToEndTest {

    static final Path SMALL_PROBLEM = Path.of("../docs/examples/small-problem.json");
    static final String VISIT = """
            {"id": "CALL-1", "customerName": "Boiler check", "location": {"lat": 47.150, "lon": 9.515},
             "serviceDurationSeconds": 1800, "requiredSkills": {"hvac": 1}}""";
    static final String SLOTS = """
            [{"start": "2026-11-23T08:00:00+01:00", "end": "2026-11-23T10:00:00+01:00"},
             {"start": "2026-11-23T10:00:00+01:00", "end": "2026-11-23T12:00:00+01:00"},
             {"start": "2026-11-23T14:00:00+01:00", "end": "2026-11-23T16:00:00+01:00"},
             {"start": "2026-11-23T20:00:00+01:00", "end": "2026-11-23T21:00:00+01:00"}]""";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("techroute-appointments");
        registry.add("techroute.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    ApiClient api() {
        return new ApiClient(port, Duration.ofSeconds(90));
    }

    String solvedPlan() throws Exception {
        ObjectNode tree = (ObjectNode) ProblemJson.mapper().readTree(SMALL_PROBLEM.toFile());
        // the assertions do not depend on how far the search gets: the limits are a safety net
        ((ObjectNode) tree.get("options")).put("stepLimit", 50).put("timeLimit", "PT10S");
        HttpResponse<String> submitted = api().post("/api/plans", tree.toString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = ProblemJson.mapper().readTree(submitted.body()).get("id").asText();
        api().await("/api/plans/" + id + "/status", s -> s.get("status").asText().matches("SOLVED|STOPPED"));
        return id;
    }

    @Test
    void slotsAreOfferedBestFirstAndTheBestIsBookedAndReplanned() throws Exception {
        String id = solvedPlan();
        JsonNode before = api().json("/api/plans/" + id);

        HttpResponse<String> answer = api().post("/api/plans/" + id + "/appointments", "{\"visit\": " + VISIT
                + ", \"slots\": " + SLOTS + "}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode offers = ProblemJson.mapper().readTree(answer.body());
        assertThat(offers.path("feasibleSlots").asInt()).isEqualTo(3);
        JsonNode best = offers.path("slots").get(0);
        assertThat(best.path("feasible").asBoolean()).isTrue();
        assertThat(best.path("technicianId").asText()).isNotEmpty();
        assertThat(best.path("arrival").asText()).isNotEmpty();
        JsonNode last = offers.path("slots").get(3);
        assertThat(last.path("feasible").asBoolean()).isFalse();
        assertThat(last.path("reason").asText()).isEqualTo("TIME_WINDOW");
        assertThat(api().json("/api/plans/" + id)).as("the plan is not changed").isEqualTo(before);

        String slot = "{\"start\": \"" + best.path("start").asText() + "\", \"end\": \"" + best.path("end").asText()
                + "\"}";
        HttpResponse<String> booked = api().post("/api/plans/" + id + "/appointments/book", "{\"visit\": " + VISIT
                + ", \"slot\": " + slot + "}");
        assertThat(booked.statusCode()).as(booked.body()).isIn(200, 202);
        JsonNode booking = ProblemJson.mapper().readTree(booked.body());
        assertThat(booking.path("slot").path("feasible").asBoolean()).isTrue();
        assertThat(booking.path("change").path("changeId").asText()).isNotEmpty();

        JsonNode plan = api().await("/api/plans/" + id, p -> served(p, "CALL-1") != null
                && !p.path("solution").isMissingNode() && statusEnded(id));
        JsonNode service = served(plan, "CALL-1");
        OffsetDateTime start = OffsetDateTime.parse(service.path("start").asText());
        assertThat(start).isBetween(OffsetDateTime.parse(best.path("start").asText()),
                OffsetDateTime.parse(best.path("end").asText()));
        assertThat(plan.path("solution").path("feasible").asBoolean()).isTrue();
        assertThat(PlanChecker.check(plan)).isEmpty();

        // the same visit id again is invalid; a slot not available is a conflict
        HttpResponse<String> again = api().post("/api/plans/" + id + "/appointments", "{\"visit\": " + VISIT
                + ", \"days\": 1}");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(ProblemJson.mapper().readTree(again.body()).path("violations").get(0).path("path").asText())
                .isEqualTo("$.visit.id");
        HttpResponse<String> night = api().post("/api/plans/" + id + "/appointments/book", "{\"visit\": "
                + VISIT.replace("CALL-1", "CALL-2") + ", \"slot\": {\"start\": \"2026-11-23T20:00:00+01:00\","
                + " \"end\": \"2026-11-23T21:00:00+01:00\"}}");
        assertThat(night.statusCode()).as(night.body()).isEqualTo(409);
        assertThat(night.body()).contains("TIME_WINDOW");
    }

    boolean statusEnded(String id) {
        try {
            return api().json("/api/plans/" + id + "/status").path("status").asText().matches("SOLVED|STOPPED");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode served(JsonNode plan, String visitId) {
        for (JsonNode route : plan.path("solution").path("routes")) {
            for (JsonNode step : route.path("steps")) {
                if (step.path("type").asText().equals("SERVICE") && visitId.equals(step.path("visitId").asText())) {
                    return step;
                }
            }
        }
        return null;
    }

    @Test
    void badRequestsAre422Or400WithThePathAndUnknownPlansAre404() throws Exception {
        String id = solvedPlan();
        HttpResponse<String> backwards = api().post("/api/plans/" + id + "/appointments", "{\"visit\": " + VISIT
                + ", \"slots\": [{\"start\": \"2026-11-23T10:00:00+01:00\", \"end\": \"2026-11-23T09:00:00+01:00\"}]}");
        assertThat(backwards.statusCode()).isEqualTo(422);
        assertThat(backwards.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ProblemJson.mapper().readTree(backwards.body()).path("violations").get(0).path("path").asText())
                .isEqualTo("$.slots[0]");
        HttpResponse<String> malformed = api().post("/api/plans/" + id + "/appointments", "{\"visit\": " + VISIT
                + ", \"slots\": [{\"start\": \"tomorrow\"}]}");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("java.").doesNotContain("Exception");
        HttpResponse<String> unknown = api().post("/api/plans/no-such-plan/appointments", "{\"visit\": " + VISIT
                + ", \"days\": 1}");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }
}
