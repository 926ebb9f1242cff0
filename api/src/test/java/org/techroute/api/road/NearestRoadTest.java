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
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.data.road.RequiresOsm;
import org.techroute.data.road.SharedOsm;

/**
 * A place clicked off the roads (the console's emergency on a map without tiles): the service names the nearest
 * point of the road network and whether the place itself would be accepted; the point it names is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RequiresOsm("liechtenstein.osm.pbf")
class NearestRoadTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("techroute-nearest");
        registry.add("techroute.data-dir", dir::toString);
        registry.add("techroute.road.osm-file", () -> SharedOsm.require("liechtenstein.osm.pbf").toString());
        registry.add("techroute.road.max-snap-meters", () -> "30");
    }

    @LocalServerPort
    int port;
    @Autowired
    RoadGraphHolder roads;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anOffRoadPlaceGetsTheNearestRoadPoint() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!roads.isLoaded() && Instant.now().isBefore(deadline)) {
            HttpResponse<String> loading = get("/api/road/nearest?lat=47.14&lon=9.52");
            assertThat(loading.statusCode()).as(loading.body()).isIn(409, 200);
            Thread.sleep(200);
        }
        assertThat(roads.isLoaded()).isTrue();

        // a meadow on the slope above Triesen, away from the roads
        HttpResponse<String> off = get("/api/road/nearest?lat=47.0950&lon=9.5450");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        JsonNode nearest = json.readTree(off.body());
        assertThat(nearest.path("snapMeters").asDouble()).as(off.body()).isGreaterThan(30);
        assertThat(nearest.path("accepted").asBoolean()).isFalse();
        assertThat(nearest.path("reason").asText()).contains("nearest road");

        HttpResponse<String> on = get("/api/road/nearest?lat=" + nearest.path("lat").asDouble() + "&lon="
                + nearest.path("lon").asDouble());
        JsonNode again = json.readTree(on.body());
        assertThat(again.path("accepted").asBoolean()).as(on.body()).isTrue();
        assertThat(again.path("snapMeters").asDouble()).isLessThan(1);

        HttpResponse<String> bad = get("/api/road/nearest?lat=91&lon=9.5");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(bad.body()).contains("\"lat\"");
    }
}
