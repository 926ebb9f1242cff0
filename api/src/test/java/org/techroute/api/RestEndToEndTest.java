package org.techroute.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.api.support.Problems;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;

/**
 * The service end to end over HTTP: a demo plan is submitted, followed over server-sent events and stopped after
 * its first best score; then analysed, a new visit is recommended and applied. Plus idempotent submits and the
 * error pipeline outside Spring MVC's controllers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // metrics export (prometheus) is off in tests otherwise
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestEndToEndTest {

    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("techroute-e2e");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("techroute.data-dir", DATA_DIR::toString);
    }

    static final String NEW_VISIT = """
            {"id": "NEW-1", "customerName": "Late call", "location": {"lat": 47.16, "lon": 9.52},
             "serviceDurationSeconds": 1200}""";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = ProblemJson.mapper();

    @Test
    @Order(1)
    @Timeout(value = 3, unit = TimeUnit.MINUTES) // a safety net against a stream that never ends, not a measurement
    void submitFollowStopAnalyseRecommendAndApply() throws Exception {
        HttpResponse<String> submitted = send("POST", "/api/demo?submit=true&technicians=4&visits=20&days=1"
                + "&firstDay=2026-11-24&seed=3&timeLimit=PT60S", null, null);
        assertThat(submitted.statusCode()).isEqualTo(202);
        String id = read(submitted).get("id").asText();
        assertThat(submitted.headers().firstValue("Location")).hasValue("/api/plans/" + id);

        // follow the events; stop solving after the first best score
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(uri("/api/plans/" + id + "/events"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        int bestScores = 0;
        boolean stopRequested = false;
        String event = null;
        for (Iterator<String> lines = stream.body().iterator(); lines.hasNext();) {
            String line = lines.next();
            if (line.startsWith("event:")) {
                event = line.substring("event:".length()).trim();
            } else if (line.startsWith("data:")) {
                JsonNode data = json.readTree(line.substring("data:".length()));
                boolean hasBest = false;
                if ("status".equals(event)) {
                    statuses.add(data.get("status").asText());
                    hasBest = data.hasNonNull("score") && "SOLVING".equals(data.get("status").asText());
                } else if ("best-score".equals(event)) {
                    bestScores++;
                    assertThat(data.get("score").asText()).matches("-?\\d+hard/-?\\d+medium/-?\\d+soft");
                    assertThat(data.has("feasible")).isTrue();
                    assertThat(data.get("elapsedMillis").asLong()).isNotNegative();
                    hasBest = true;
                }
                if (hasBest && !stopRequested) {
                    stopRequested = true;
                    assertThat(send("DELETE", "/api/plans/" + id + "/solving", null, null).statusCode())
                            .isEqualTo(202);
                }
            }
        }
        assertThat(stopRequested).isTrue();
        assertThat(statuses).last().isEqualTo("STOPPED");
        assertThat(statuses).doesNotContain("SOLVED", "FAILED");

        JsonNode status = read(send("GET", "/api/plans/" + id + "/status", null, null));
        assertThat(status.get("status").asText()).isEqualTo("STOPPED");
        assertThat(status.get("reason").asText()).isEqualTo("stopped on request");
        assertThat(status.hasNonNull("score")).isTrue();

        // the plan document: the problem and its (stopped) solution
        JsonNode plan = read(send("GET", "/api/plans/" + id, null, null));
        assertThat(plan.get("visits")).hasSize(20);
        assertThat(plan.get("solution").get("score").asText()).isEqualTo(status.get("score").asText());

        JsonNode analysis = read(send("GET", "/api/plans/" + id + "/analysis", null, null));
        assertThat(analysis.get("constraints").size()).isPositive();
        for (JsonNode unassigned : analysis.get("unassignedVisits")) {
            assertThat(unassigned.get("reason").asText()).isNotBlank();
        }

        HttpResponse<String> recommended = send("POST", "/api/plans/" + id + "/recommendations?limit=3", NEW_VISIT,
                "application/json");
        assertThat(recommended.statusCode()).isEqualTo(200);
        JsonNode recommendations = read(recommended).get("recommendations");
        assertThat(recommendations.size()).isBetween(1, 3);
        JsonNode best = recommendations.get(0);
        String shiftId = best.get("shiftId").asText();
        int position = best.get("position").asInt();
        assertThat(best.get("scoreDiff").asText()).contains("hard/");
        // recommending changes nothing
        assertThat(read(send("GET", "/api/plans/" + id, null, null)).get("visits")).hasSize(20);

        HttpResponse<String> applied = send("POST", "/api/plans/" + id + "/recommendations/apply",
                "{\"visit\": " + NEW_VISIT + ", \"shiftId\": \"" + shiftId + "\", \"position\": " + position + "}",
                "application/json");
        assertThat(applied.statusCode()).isEqualTo(200);
        Problem updated = ProblemJson.read(send("GET", "/api/plans/" + id, null, null).body());
        assertThat(updated.visits()).extracting(v -> v.id()).contains("NEW-1");
        var route = updated.solution().routes().stream().filter(r -> r.shiftId().equals(shiftId)).findFirst()
                .orElseThrow();
        assertThat(route.visitIds().get(position)).isEqualTo("NEW-1");
        assertThat(updated.solution().score()).isEqualTo(best.get("score").asText());

        JsonNode routes = read(send("GET", "/api/plans/" + id + "/routes", null, null));
        assertThat(routes.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(routes.get("routes").get(0).get("geometry").asText()).isEqualTo("straight-line");

        JsonNode list = read(send("GET", "/api/plans?limit=5", null, null));
        assertThat(list.get("items").get(0).get("id").asText()).isEqualTo(id);

        // solving again starts run 2 from the current routes; while it runs, changes are refused
        HttpResponse<String> again = send("POST", "/api/plans/" + id + "/solve", null, null);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(read(again).get("run").asInt()).isEqualTo(2);
        assertThat(read(again).get("status").asText()).isIn("QUEUED", "SOLVING");
        assertThat(send("POST", "/api/plans/" + id + "/solve", null, null).statusCode()).isEqualTo(409);
        assertThat(send("POST", "/api/plans/" + id + "/recommendations/apply", "{\"visit\": "
                + NEW_VISIT.replace("NEW-1", "NEW-2") + ", \"shiftId\": \"" + shiftId + "\", \"position\": 0}",
                "application/json").statusCode()).isEqualTo(409);
        HttpResponse<Stream<String>> second = http.send(HttpRequest.newBuilder(uri("/api/plans/" + id + "/events"))
                .GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(send("DELETE", "/api/plans/" + id + "/solving", null, null).statusCode()).isEqualTo(202);
        second.body().forEach(line -> { }); // until the run ends and the stream completes
        JsonNode secondRun = read(send("GET", "/api/plans/" + id + "/status", null, null));
        assertThat(secondRun.get("status").asText()).isEqualTo("STOPPED");
        assertThat(secondRun.get("run").asInt()).isEqualTo(2);
        Problem afterSecondRun = ProblemJson.read(send("GET", "/api/plans/" + id, null, null).body());
        assertThat(afterSecondRun.visits()).extracting(v -> v.id()).contains("NEW-1");
    }

    @Test
    @Order(2)
    void idempotentSubmits() throws Exception {
        Problem small = Problems.demo(2, 4);
        String body = ProblemJson.write(small.withOptions(small.options().withTimeLimit(java.time.Duration
                .ofSeconds(1))));
        HttpResponse<String> first = sendKeyed(body, "order-42");
        assertThat(first.statusCode()).isEqualTo(202);
        String id = read(first).get("id").asText();
        HttpResponse<String> retry = sendKeyed(body, "order-42");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(read(retry).get("id").asText()).isEqualTo(id);

        HttpResponse<String> other = sendKeyed(body.replace("\"Test\"", "\"Other\""), "order-42");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(read(other).get("type").asText()).isEqualTo("https://techroute.org/problems/idempotency-key-reused");

        assertThat(send("DELETE", "/api/plans/" + id, null, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/plans/" + id + "/status", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void errorsAndDocumentationOverHttp() throws Exception {
        HttpResponse<String> unknown = send("GET", "/nowhere/at/all", null, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(read(unknown).get("type").asText()).isEqualTo("https://techroute.org/problems/not-found");

        HttpResponse<String> malformed = send("POST", "/api/plans", "{\"name\": ", "application/json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("com.fasterxml", "Exception");

        JsonNode docs = read(send("GET", "/v3/api-docs", null, null));
        assertThat(docs.get("openapi").asText()).startsWith("3.1");
        assertThat(docs.get("paths").has("/api/plans/{id}/recommendations")).isTrue();
        // @ErrorResponse: an RFC 9457 error document of the one ProblemDetail schema
        JsonNode queueFull = docs.at("/paths/~1api~1plans/post/responses/429");
        assertThat(queueFull.path("description").asText()).contains("queue-full");
        assertThat(queueFull.at("/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ProblemDetail");
        assertThat(docs.at("/components/schemas/ProblemDetail/properties").has("detail")).isTrue();
        assertThat(docs.at("/paths/~1api~1plans~1{id}~1nightly/put/responses/404/content").has(
                "application/problem+json")).isTrue();

        assertThat(read(send("GET", "/actuator/health/readiness", null, null)).get("status").asText())
                .isEqualTo("UP");
        assertThat(send("GET", "/actuator/prometheus", null, null).body()).contains("techroute_solver_running");
        assertThat(send("GET", "/actuator/env", null, null).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> sendKeyed(String body, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/plans")).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode read(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
