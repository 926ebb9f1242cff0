package org.techroute.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.api.security.ApiKeys;
import org.techroute.api.security.Role;

/** Who submitted, changed and stopped a plan, and who moved a visit: {@code GET /api/audit} answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailTest {

    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("techroute-audit");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("techroute.data-dir", DATA_DIR::toString);
        registry.add("techroute.security.api-keys.enabled", () -> "true");
    }

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys keys;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    HttpResponse<String> send(String method, String path, String body, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-API-Key", key).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whoSubmittedChangedAndStoppedAndWhoMovedMyVisit() throws Exception {
        String dora = keys.create("dora", Role.DISPATCHER, null, "test").key();
        String viewer = keys.create("vic", Role.VIEWER, null, "test").key();
        ObjectNode problem = (ObjectNode) json.readTree(Path.of("../docs/examples/small-problem.json").toFile());
        ((ObjectNode) problem.get("options")).put("stepLimit", 50);

        HttpResponse<String> submitted = send("POST", "/api/plans", problem.toString(), dora);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = json.readTree(submitted.body()).path("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!json.readTree(send("GET", "/api/plans/" + id + "/status", null, viewer).body()).path("status")
                .asText().matches("SOLVED|STOPPED") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        // an event stream with a key in the query: its async dispatch must not be refused (found by the fuzz test)
        HttpResponse<String> events = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/plans/" + id + "/events?access_key=" + viewer)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.body()).contains("event:status");

        HttpResponse<String> changed = send("POST", "/api/plans/" + id + "/changes",
                "{\"changes\": [{\"type\": \"CANCEL_VISIT\", \"visitId\": \"v3\"}]}", dora);
        assertThat(changed.statusCode()).as(changed.body()).isIn(200, 202);
        assertThat(send("DELETE", "/api/plans/" + id + "/solving", null, dora).statusCode()).isEqualTo(202);
        // refused and failed calls are not in the trail
        assertThat(send("POST", "/api/plans/" + id + "/changes", "{\"changes\": []}", dora).statusCode())
                .isEqualTo(422);
        assertThat(send("DELETE", "/api/plans/" + id + "/solving", null, viewer).statusCode()).isEqualTo(403);

        JsonNode trail = json.readTree(send("GET", "/api/audit?planId=" + id, null, dora).body());
        List<String> actions = new ArrayList<>();
        trail.forEach(event -> actions.add(event.path("action").asText() + " by " + event.path("actor").asText()));
        assertThat(actions).containsExactly("STOP by key:dora", "CHANGE by key:dora", "SUBMIT by key:dora");
        JsonNode change = trail.get(1);
        assertThat(change.path("detail").asText()).isEqualTo("CANCEL_VISIT visit=v3;");
        assertThat(change.path("via").asText()).isEqualTo("api-key");
        assertThat(change.path("planId").asText()).isEqualTo(id);
        assertThat(change.path("at").asText()).isNotEmpty();

        JsonNode v3 = json.readTree(send("GET", "/api/audit?visitId=v3", null, dora).body());
        assertThat(v3).hasSize(1);
        assertThat(json.readTree(send("GET", "/api/audit?visitId=v", null, dora).body())).isEmpty();
        assertThat(send("GET", "/api/audit", null, viewer).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/audit?limit=0", null, dora).statusCode()).isEqualTo(400);
    }
}
