package org.techroute.api.road;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.techroute.data.road.RequiresOsm;
import org.techroute.data.road.SharedOsm;
import org.techroute.data.json.ProblemJson;

/**
 * The service with a road graph: readiness is down until the graph is loaded, then demos are generated on the
 * roads, solved in road travel mode, and routes come back as road polylines.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RequiresOsm("liechtenstein.osm.pbf")
class RoadServiceTest {

    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("techroute-road");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("techroute.data-dir", DATA_DIR::toString);
        registry.add("techroute.road.osm-file", () -> SharedOsm.require("liechtenstein.osm.pbf").toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    RoadGraphHolder roads;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessWaitsForTheGraphThenPlansRunOnRoads() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        int readiness = get("/actuator/health/readiness").statusCode();
        while (readiness != 200 && Instant.now().isBefore(deadline)) {
            assertThat(roads.isLoaded()).as("readiness is down only while the graph loads").isFalse();
            Thread.sleep(200);
            readiness = get("/actuator/health/readiness").statusCode();
        }
        assertThat(readiness).isEqualTo(200);
        assertThat(roads.isLoaded()).isTrue();

        HttpResponse<String> submitted = send("POST", "/api/demo?submit=true&technicians=3&visits=10&days=1"
                + "&firstDay=2026-11-24&seed=2&timeLimit=PT3S");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = ProblemJson.mapper().readTree(submitted.body()).get("id").asText();
        JsonNode status = waitForEnd(id);
        assertThat(status.get("status").asText()).isEqualTo("SOLVED");

        JsonNode plan = ProblemJson.mapper().readTree(get("/api/plans/" + id).body());
        assertThat(plan.path("options").path("travelMode").asText()).isEqualTo("road");
        assertThat(plan.path("solution").path("snaps").size()).isEqualTo(13);

        JsonNode routes = ProblemJson.mapper().readTree(get("/api/plans/" + id + "/routes").body());
        assertThat(routes.path("routes").size()).isPositive();
        for (JsonNode route : routes.path("routes")) {
            assertThat(route.path("geometry").asText()).isEqualTo("road");
            // a road polyline has many more points than the route has stops
            assertThat(route.path("points").size()).isGreaterThan(route.path("visitIds").size() + 2);
        }
    }

    private JsonNode waitForEnd(String id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        JsonNode status = ProblemJson.mapper().readTree(get("/api/plans/" + id + "/status").body());
        while (!status.get("status").asText().matches("SOLVED|STOPPED|FAILED") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            status = ProblemJson.mapper().readTree(get("/api/plans/" + id + "/status").body());
        }
        return status;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
